-- A fresh database: nothing to list or dump.
.tables
.schema
.dump
