-- An empty file opened read-only (an empty database that cannot be written); separators with escapes, .print escapes, NULL text per mode, headers of empty results, output through pipes, ".read |cmd", ".open" without a name (empty in .show) and a failed ".open" (reported, not an error: exit code 0).
.separator "\x41" "\\n"
SELECT 1, 2;
.separator "\t" "\n"
SELECT 1, 2;
.separator ,, "\001"
SELECT 1, 2;
.separator | \n
.print "a\tb\\c\x41" 'raw\t' unq\t
.nullvalue ∅
.mode quote
SELECT NULL;
.mode json
SELECT NULL;
.mode insert
SELECT NULL;
.mode csv
SELECT NULL;
.mode list
.headers on
SELECT 1 AS a WHERE 0;
.mode column
SELECT 1 AS a WHERE 0;
.mode box
SELECT 1 AS a WHERE 0;
.mode json
SELECT 1 AS a WHERE 0;
.mode csv
SELECT 1 AS a WHERE 0;
.output |cat
SELECT 'through cat';
.output
.read |echo "SELECT 'from pipe';"
.once |tr a-z A-Z
SELECT 'upper';
.width 2 -2 0 5
.show
.open --new @DIR@/fresh.db
.databases
.open --readonly @DIR@/fresh.db
CREATE TABLE x(a);
SELECT count(*) FROM sqlite_schema;
.open
.show
.databases
.open @DIR@/nosuchdir/x.db
.show
SELECT 'still running';
