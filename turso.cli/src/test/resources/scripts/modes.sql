-- Every output mode on rows with each storage class, NULL, quotes and line breaks.
CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score REAL, data BLOB);
INSERT INTO t VALUES(1, 'alice', 3.5, x'00ff'), (2, 'bob "b"', NULL, 'x,y'), (3, 'it''s', -0.25, NULL),
  (4, 'two
lines', 1e100, x''), (5, '<b>&', 0.1, 7);
.mode list
SELECT * FROM t;
.headers on
SELECT * FROM t;
.mode csv
SELECT * FROM t;
.mode json
SELECT * FROM t;
.mode line
SELECT * FROM t;
.mode column
SELECT * FROM t;
.mode box
SELECT * FROM t;
.mode table
SELECT * FROM t;
.mode markdown
SELECT * FROM t;
.mode html
SELECT * FROM t;
.mode quote
SELECT * FROM t;
.mode ascii
SELECT * FROM t;
.mode tabs
SELECT * FROM t;
.mode tcl
SELECT * FROM t;
.mode insert
SELECT * FROM t;
.mode insert target_table
SELECT * FROM t;
.mode insert "odd name"
SELECT id, name FROM t;
.headers off
.mode insert
SELECT id FROM t;
.mode qbox
SELECT name, score FROM t;
.mode box --wrap 5
SELECT name, score FROM t;
.mode column --wordwrap on --wrap 6
SELECT 'the quick brown fox' AS s;
.mode
.mode count
SELECT * FROM t;
.mode off
SELECT * FROM t;
.mode list
SELECT count(*) FROM t;
.mode nosuch
