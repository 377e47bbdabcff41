/*
 * An SQL error reported by an engine under test: the record expected it or
 * fails with its message.
 */
package turso.tests.slt;

final class SqlFailure extends Exception {
    private static final long serialVersionUID = 1L;

    SqlFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
