-- Parse and runtime errors in a script: the line a statement starts on, the caret, and the script going on.
SELECT 1;
SELEC 2;
SELECT 3; SELECT nosuch;
SELECT
  4,
  nosuch_column;
CREATE TABLE t(a INTEGER PRIMARY KEY);
INSERT INTO t VALUES(1);
INSERT INTO t VALUES(1);
SELECT abs(-9223372036854775808);
SELECT 5;
   SELECT 6 -- with a comment
   ;
/* a comment
spanning lines */
-- a line comment
SELECT 'a;b', "no such";
SELECT 7
