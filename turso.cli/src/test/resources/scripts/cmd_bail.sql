-- args: -bail -cmd ".nosuch" -cmd "SELECT 1"
-- With -bail, a failing -cmd ends the shell before standard input.
SELECT 'not reached';
