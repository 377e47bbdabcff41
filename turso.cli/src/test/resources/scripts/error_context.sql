-- Where sqlite3 shows a prepare error: the rest of the input line (two statements on one line), long lines cut at 78 bytes and moved so that the error is at most 50 bytes in, counted in bytes of UTF-8.
selec 2; select 3;
SELECT 1; selec 4; SELECT 5;
SELECT 'é', 'ééééééééééééééééééééééééééééééééééééééééééééééééé', nosuch;
SELECT 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 +  FROM;
SELECT aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa + 1;
SELECT 1,
   2,	x
 FROM nowhere;
SELECT 'a', 'b', 'c', 'd', 'e', 'f', nosuch;
SELECT 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', nosuch;
