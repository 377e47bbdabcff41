-- .headers, .separator, .nullvalue, .width, .print, .show, .echo, .changes, .bail and their usage errors.
CREATE TABLE t(a, b);
INSERT INTO t VALUES(1, NULL), ('x', 2.5);
.show
.headers on
.nullvalue <null>
.separator ;
SELECT * FROM t;
.separator , "\r\n"
SELECT * FROM t;
.separator "\t" \n
SELECT * FROM t;
.separator |
.mode column
.width 6 -8
SELECT * FROM t;
.show
.width
.mode list
.print plain words   "double \"quoted\"\ttab" 'single\tquoted' back\\slash \101
.print
.echo on
SELECT 'echoed';
.print echoed too
.echo off
.changes on
INSERT INTO t VALUES(3, 3);
UPDATE t SET b = 0;
SELECT 1;
.changes off
.headers
.headers maybe
.separator
.nullvalue
.nullvalue a b
.echo
.changes
.timer
.bail
.show extra
.width 1 2 3 4
.show
.separator "\001\x7f" "\r\n"
.nullvalue "é\\"
.show
