-- .tables, .schema and .databases with a temp database and attached ones.
CREATE TABLE m1(a);
CREATE TEMP TABLE t1(b);
CREATE INDEX temp.t1b ON t1(b);
ATTACH '@DIR@/aux1.db' AS aux;
CREATE TABLE aux.x1(c);
CREATE TEMP TRIGGER tr AFTER INSERT ON m1 BEGIN INSERT INTO t1 VALUES (new.a); END;
ATTACH ':memory:' AS mem;
CREATE TABLE mem.y(d);
.tables
.tables %1
.databases
.schema
.schema x%
.schema aux.x%
INSERT INTO m1 VALUES (5);
SELECT * FROM t1;
DETACH mem;
.databases
.tables
