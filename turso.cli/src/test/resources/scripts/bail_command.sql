-- ".bail on" in the middle of a script: errors before it do not stop it, the next one does.
SELECT 1;
SELECT nosuch;
.bail on
SELECT 2;
INSERT INTO nosuch VALUES(1);
SELECT 3;
