/** Full-text search with an FTS5-compatible surface, as a virtual table module. */
module turso.ext.fts {
    requires turso.api;
}
