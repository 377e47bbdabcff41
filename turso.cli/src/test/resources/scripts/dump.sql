-- .dump: every value kind, quoted names, comments, patterns and options.
CREATE TABLE "order"(id INTEGER PRIMARY KEY, "select" TEXT, amount REAL DEFAULT 0.0, note TEXT /* a comment */, data BLOB);
CREATE TABLE plain(x, y);
CREATE TABLE cm(a) -- trailing comment
;
INSERT INTO "order" VALUES(1, 'it''s', 1.5, 'line1
line2', x'0001ff'), (2, NULL, -0.0, 'tab	here', NULL), (3, 'ünïcödé 漢字', 1e300, '', x''),
  (4, 'cr' || char(13) || 'lf' || char(10), 9223372036854775807, '\n', -9223372036854775808);
INSERT INTO plain VALUES(1, 2), ('a', NULL), (3.25, x'41'), (0.1, 1e-300), (100.0, -2.5e10);
INSERT INTO cm VALUES(1);
.dump
.dump plain
.dump p% cm
.dump --data-only plain
.dump --nosys
.dump --newlines order
.dump nosuch
