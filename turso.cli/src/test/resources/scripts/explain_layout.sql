-- ".explain on" lays any result out in explain columns; ".explain off" and "auto" go back; .show tells which.
CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT);
INSERT INTO t VALUES(1, 'x'), (2, 'a much longer value than the column');
.explain on
.show
SELECT 2;
SELECT * FROM t;
SELECT a, b, a, b, a, b, a, b, a, b FROM t;
.explain off
.show
SELECT 3;
.explain auto
.show
.explain
.mode csv
.show
SELECT 4;
.explain bogus
.show
