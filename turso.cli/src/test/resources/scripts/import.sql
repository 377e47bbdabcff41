-- .import: CSV with quotes, embedded separators and line breaks, UTF-8; new and existing tables; --skip; ASCII; duplicate, empty and many column names; errors.
.import @DIR@/people.csv people
.headers on
SELECT * FROM people;
.schema people
CREATE TABLE existing(a, b, c);
.import --csv --skip 1 @DIR@/people.csv existing
SELECT count(*), count(c) FROM existing;
SELECT * FROM existing WHERE a LIKE '%,%';
.import --csv @DIR@/crlf.csv crlf
SELECT * FROM crlf;
.import --csv @DIR@/bom.csv bom
.schema bom
.import --ascii @DIR@/data.txt ascii
SELECT * FROM ascii;
.separator |
.import @DIR@/pipes.txt pipes
SELECT * FROM pipes;
.import -v --csv @DIR@/crlf.csv crlf
SELECT count(*) FROM crlf;
.mode csv
.import @DIR@/people.csv people2
SELECT * FROM people2;
.import @DIR@/broken.csv broken
.import @DIR@/nosuch.csv nosuch
.separator ab
.import @DIR@/people.csv people3
.separator ,
.import --csv @DIR@/dup.csv dup
.import --csv @DIR@/empty.csv empty
.import --csv @DIR@/blank.csv blank
.import --csv @DIR@/wide.csv wide
.schema dup
.schema blank
.schema wide
SELECT * FROM dup;
SELECT count(*) FROM blank;
