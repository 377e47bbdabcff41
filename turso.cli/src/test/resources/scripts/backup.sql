-- .backup, .save, .restore and .clone through files, checked by reopening them.
CREATE TABLE t(a INTEGER PRIMARY KEY, b);
INSERT INTO t VALUES(1, 'one'), (2, x'02');
CREATE TABLE u(c);
INSERT INTO u VALUES(3.5);
.backup @DIR@/backup.db
.save @DIR@/saved.db
.clone @DIR@/cloned.db
.clone @DIR@/cloned.db
INSERT INTO t VALUES(3, 'three');
.restore @DIR@/backup.db
SELECT * FROM t;
.open @DIR@/saved.db
.dump
.open @DIR@/cloned.db
SELECT * FROM u;
.open --new @DIR@/cloned.db
CREATE TABLE fresh(x);
.tables
