-- ".quit" ends the script; errors before it make the exit code 1.
SELECT nosuch;
.quit
SELECT 2;
