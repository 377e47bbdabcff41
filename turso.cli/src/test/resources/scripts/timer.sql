-- .timer on: a "Run Time:" line after each statement (figures masked by the test).
.timer on
SELECT 1;
CREATE TABLE t(a);
.timer off
SELECT 2;
