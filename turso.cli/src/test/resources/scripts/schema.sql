-- .tables, .schema (patterns, --indent, --nosys, quoted names, comments) and .databases.
CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT);
CREATE TABLE "x y"(p, q);
CREATE TABLE tbl_with_a_rather_long_name(z);
CREATE TABLE Mixed(c);
CREATE TABLE wide(alpha_column INTEGER NOT NULL, beta_column TEXT DEFAULT 'some default text', gamma REAL, delta BLOB);
CREATE TABLE commented(a) -- trailing comment
;
CREATE TABLE block(a /* inner */, b);
.tables
.tables t%
.tables %x%
.tables nosuch
.schema
.schema t
.schema T%
.schema x*
.schema main.t
.schema MAIN.T%
.schema temp.t
.schema --indent
.schema --indent wide
.schema --nosys
.schema sqlite_master
.schema --indent sqlite_schema
.indexes
.indexes t
.databases
