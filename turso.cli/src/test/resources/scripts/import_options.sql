-- .import --schema, --skip, -v (the CREATE TABLE it runs, the count), and a CREATE TABLE that fails.
.import --schema main --csv @DIR@/people.csv p1
SELECT count(*) FROM p1;
.schema p1
.import --csv --skip 2 @DIR@/people.csv p4
SELECT * FROM p4;
.import --csv --skip 100 @DIR@/people.csv p5
.import --csv -v @DIR@/people.csv p7
.import --csv -v --schema main @DIR@/people.csv p8
.import --csv @DIR@/people.csv sqlite_x
.import --bogus @DIR@/people.csv p6
.import --csv "@DIR@/people.csv" "my table"
.headers on
.mode insert
SELECT * FROM "my table" LIMIT 1;
.mode insert "x y"
SELECT 1;
.import --schema
.import --schema main
.import --skip
.import --skip x @DIR@/people.csv p9
SELECT count(*) FROM p9;
