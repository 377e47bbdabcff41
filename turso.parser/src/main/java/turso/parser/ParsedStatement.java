/*
 * The first statement of a text, as sqlite3_prepare returns it: the statement
 * (null if the text holds only spaces, comments and semicolons) and where the
 * rest of the text begins (a char offset).
 */
package turso.parser;

import turso.parser.ast.Stmt;

public record ParsedStatement(Stmt statement, int tailOffset) {
}
