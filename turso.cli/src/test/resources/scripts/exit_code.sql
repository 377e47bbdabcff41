-- ".exit N" ends the shell with exit code N; nothing after it runs.
SELECT 1;
.exit 3
SELECT 2;
