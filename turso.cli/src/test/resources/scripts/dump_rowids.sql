-- .dump --preserve-rowids: a column list led by the rowid's name (rowid, _rowid_ or oid, whichever no column takes), none for an INTEGER PRIMARY KEY; special names and values.
CREATE TABLE "weird ""name"""(a, "b c", [d]);
INSERT INTO "weird ""name""" VALUES (1, 'x''y', NULL), (2.5, x'00ff', 'nl
z'), (1e300, -0.0, 'tab	'), (9223372036854775807, 'é', '');
DELETE FROM "weird ""name""" WHERE a = 1;
CREATE TABLE ipk(x INTEGER PRIMARY KEY, y);
INSERT INTO ipk VALUES (5, 'a'), (10, 'b');
CREATE TABLE ipkdesc(x INTEGER PRIMARY KEY DESC, y);
INSERT INTO ipkdesc VALUES (5, 'a');
CREATE TABLE named(rowid, _rowid_, v);
INSERT INTO named VALUES (1, 2, 3), (4, 5, 6);
DELETE FROM named WHERE v = 3;
CREATE TABLE allnames(rowid, oid, _rowid_);
INSERT INTO allnames VALUES (7, 8, 9);
CREATE TABLE "select"(x);
INSERT INTO "select" VALUES (1), (2);
DELETE FROM "select" WHERE x = 1;
CREATE TABLE t4(a REAL, "from");
INSERT INTO t4 VALUES (1, 2), (1.5, NULL), (1e20, 'x'), (0.1, x''), (-1e-300, 3);
CREATE INDEX "idx x" ON ipk(y);
CREATE VIEW v AS SELECT * FROM ipk;
.dump --preserve-rowids
.dump t4 --preserve-rowids
.dump --data-only --preserve-rowids named
.dump --preserve-rowids --newlines w%
