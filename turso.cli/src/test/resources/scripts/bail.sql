-- args: -bail
-- -bail: the first error ends the script with exit code 1.
SELECT 1;
SELECT nosuch;
SELECT 2;
