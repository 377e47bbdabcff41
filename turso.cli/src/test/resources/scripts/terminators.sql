-- "go" and "/" on a line of their own end a statement, as ";" does.
SELECT 1
go
SELECT 2
/
SELECT 3
GO
