-- .dump of a table with AUTOINCREMENT: sqlite_sequence comes last.
CREATE TABLE seq(id INTEGER PRIMARY KEY AUTOINCREMENT, v);
INSERT INTO seq(v) VALUES('a'), ('b'), ('c');
DELETE FROM seq WHERE id = 3;
.dump
.schema
.dump --nosys
