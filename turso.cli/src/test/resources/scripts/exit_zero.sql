-- ".exit 0" is ".quit": the error before it still makes the exit code 1.
SELECT nosuch;
.exit 0
SELECT 2;
