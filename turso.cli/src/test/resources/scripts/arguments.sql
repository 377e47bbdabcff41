-- args: -cmd ".mode csv" -cmd ".headers on" -cmd "CREATE TABLE t(a,b)" -cmd "INSERT INTO t VALUES(1,'x y')"
-- after: ".print from an argument" "SELECT * FROM t" ".mode line" "SELECT * FROM t"
-- -cmd dot commands and SQL, then SQL and dot-command arguments (standard input is not read).
SELECT 'not read';
