-- A script saved with a UTF-8 byte order mark and CRLF line ends: SQLite's tokenizer skips the mark as a space; sqlite3_complete takes it for a word; error context lines count its three bytes.
SELECT 1;
SELECT 2;﻿
﻿﻿SELECT 3;
﻿.print not a command
SELECT 4;
SELECT a﻿b;
/* multi
line */ SELECT 5;
