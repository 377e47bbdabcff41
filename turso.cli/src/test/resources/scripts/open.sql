-- .open: a new file, --new over an existing one, --readonly, back to memory; .databases and .show filename each time.
.open @DIR@/first.db
CREATE TABLE t(a);
INSERT INTO t VALUES(1);
.databases
.open @DIR@/second.db
CREATE TABLE u(b);
.open @DIR@/first.db
SELECT * FROM t;
.open --readonly @DIR@/first.db
.databases
SELECT * FROM t;
INSERT INTO t VALUES(2);
.open --new @DIR@/first.db
CREATE TABLE fresh(c);
.tables
.open
.databases
