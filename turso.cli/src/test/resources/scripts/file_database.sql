-- db: test.db
-- A database file named on the command line: schema and rows, then .databases and .show.
CREATE TABLE t(a, b);
INSERT INTO t VALUES(1, 2);
SELECT * FROM t;
.databases
.show
