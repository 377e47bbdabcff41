/**
 * SQL front end: the ANTLR 4 grammar of SQLite's dialect, the typed AST
 * (records and sealed interfaces) the parse tree is turned into, and the
 * script splitter. Its API is for the engine's own modules only.
 */
module turso.parser {
    requires turso.api;
    requires org.antlr.antlr4.runtime;
}
