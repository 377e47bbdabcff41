-- args: -echo -header
-- -echo prints each statement and dot command before running it.
SELECT 1 AS one;
.mode csv
SELECT 2 AS two;  SELECT 3;
