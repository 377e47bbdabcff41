-- Unknown and mistyped dot commands: sqlite3's messages, the script goes on, exit code 1.
.nosuch
.tablesx
.
.mode csv extra
SELECT 1;
# a hash line is ignored
.print still running
.open --bogus
.open a b
.read
.read @DIR@/does-not-exist.sql
.import
.import people.csv
.import --bogus people.csv x
.dump --bogus
.schema --bogus
.schema a b
.eqp
.explain bogus
.parameter
.parameter bogus
.backup
.restore
.clone
.system
