-- .schema shows each view with a comment naming its columns; .backup/.save/.restore keep rowids; .restore of a file that does not exist empties the database; usage errors.
CREATE TABLE t(a, "b c");
INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three');
DELETE FROM t WHERE a = 2;
CREATE VIEW "v w" AS SELECT * FROM t;
CREATE VIEW w(x) AS SELECT 1 UNION SELECT 2;
CREATE VIEW u AS SELECT nosuch FROM t;
CREATE VIEW dup AS SELECT a, a, a AS 'select' FROM t;
CREATE VIEW expr AS SELECT a, 1+1, a || "b c", 'x' FROM t;
.headers on
SELECT * FROM expr WHERE a = 1 AND a IS NOT NULL AND 'a long text reaching past the view' <> '';
.headers off
.schema
.schema --indent v%
.dump v%
.backup
.save
.backup nosuch @DIR@/b2.db
.backup a b c
.backup --bogus @DIR@/b3.db
.backup @DIR@/b1.db
.save @DIR@/s1.db
.restore
INSERT INTO t VALUES (4, 'four');
.restore @DIR@/nodir/x.db
.tables
.restore @DIR@/nosuch.db
.tables
.restore main @DIR@/b1.db
SELECT rowid, * FROM t;
.open @DIR@/s1.db
SELECT rowid, * FROM t;
.schema
