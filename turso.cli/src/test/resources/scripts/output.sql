-- .output, .once and .read: files in the run's directory, pipes to commands, stderr, unwritable files.
CREATE TABLE t(a);
INSERT INTO t VALUES(1), (2);
.once @DIR@/once.txt
SELECT 'to once';
SELECT 'to stdout';
.output @DIR@/out.txt
SELECT * FROM t;
.print printed to the file
.output
SELECT 'back';
.read @DIR@/out.txt
.read @DIR@/sub.sql
.read @DIR@/quits.sql
SELECT 'after quits';
.once @DIR@/once2.txt
.print once by a dot command
.print not once
.read @DIR@/once.txt
.read @DIR@/once2.txt
.output --bom @DIR@/bom.txt
SELECT 'bom';
.output stdout
.import --csv @DIR@/bom.txt bom_check
SELECT * FROM bom_check;
.output /nonexistent/x
select 1;
.once /nonexistent/y
.output off
select 2;
.output
select 3;
.output stderr
select 4;
.output
.output |tr a-z A-Z
select 'pipe';
.print printed
.output
select 'after';
.once |cat -n
select 'numbered';
select 'plain';
.read |echo "select 'from read';"
