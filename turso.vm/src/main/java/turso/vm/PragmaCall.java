/*
 * The operand of Op.PRAGMA: which pragma, and its argument as SQLite hands
 * it to the pragma code (the text of the value after "=" or inside the
 * parentheses, a leading minus sign included; null when there is none). The
 * connection interprets the text, since pragmas read it each their own way
 * (a number, a boolean word, a table name, a mode); and the database it
 * was qualified with (0 main, 1 temp, 2.. attached), or -1 when it was not.
 */
package turso.vm;

public record PragmaCall(Pragma pragma, String argument, int db) {

    /** Not qualified by a database name. */
    public static final int UNQUALIFIED = -1;

    public PragmaCall(Pragma pragma, String argument) {
        this(pragma, argument, UNQUALIFIED);
    }

    @Override
    public String toString() {
        return argument == null ? pragma.sqlName() : pragma.sqlName() + "=" + argument;
    }
}
