-- .indexes and indexes in .schema and .dump.
CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT UNIQUE, c REAL);
CREATE INDEX tc ON t(c);
CREATE TABLE u(x, y);
CREATE INDEX uy ON u(y);
INSERT INTO t VALUES(1, 'one', 1.5);
.indexes
.indexes t
.indices u%
.indexes a b
.schema
.dump
