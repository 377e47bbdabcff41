/*
 * One statement compiled: its AST and the SQL it was parsed from (kept so
 * that it can be compiled again when the schema changes under it), its own
 * text and the text after it, the program (null when the text held no
 * SQL), and the schema snapshot it was compiled against. Immutable, so the
 * statement cache can hand one to several statements.
 */
package turso.engine;

import turso.parser.ast.Stmt;
import turso.vm.Program;

record CompiledStatement(Stmt stmt, String source, String text, String tail, Program program,
        SchemaSnapshot snapshot) {

    /** Whether this is a PRAGMA, whose effect on other statements the cache cannot see. */
    boolean cacheable() {
        return !(stmt instanceof Stmt.Pragma);
    }
}
