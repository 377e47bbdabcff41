/**
 * SQL front end: the ANTLR 4 grammar of SQLite's dialect, the typed AST
 * (records and sealed interfaces) the parse tree is turned into, the SQL
 * printer and the script splitter. Its API is for the engine's own modules
 * only; the generated parser (turso.parser.antlr) stays internal.
 */
module turso.parser {
    requires transitive turso.api;
    requires org.antlr.antlr4.runtime;

    exports turso.parser to turso.planner, turso.engine, turso.cli;
    exports turso.parser.ast to turso.planner, turso.engine;
}
