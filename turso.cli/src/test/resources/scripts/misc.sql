-- A failed .open (back to memory, the name kept for .show), lenient numbers and booleans, quoting in dot commands, ".exit foo" as ".quit".
CREATE TABLE t(a);
.open /nonexistent/dir/x.db
.databases
SELECT 1;
CREATE TABLE u(b);
.tables a b
.width x 5abc 0x10
.show
.headers yes
.headers 0
.headers ON
.show
.separator "" 
.import @DIR@/people.csv z
.print 'unterminated
.print "esc \" quote"
.mode insert
SELECT 1 AS x;
.mode list
.exit foo
