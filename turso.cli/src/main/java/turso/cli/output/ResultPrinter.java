/*
 * The entry point of the output modes: prints one statement's result in the
 * shell's current mode. The shell calls it once per statement that returns
 * columns, with a fresh RowSource; counters such as json's opening bracket
 * and line mode's blank line between rows start again for each statement,
 * as in sqlite3. A result with no rows prints nothing in every mode.
 */
package turso.cli.output;

import java.io.IOException;
import java.io.OutputStream;

public final class ResultPrinter {

    private ResultPrinter() {
    }

    /** Prints every row of {@code rows} to {@code out} in the mode of {@code settings}, then flushes. */
    public static void print(RowSource rows, OutputSettings settings, OutputStream out) throws IOException {
        if (settings.mode().isColumnar()) {
            new ColumnarPrinter(settings, out).printAll(rows);
        } else {
            new RowPrinter(settings, out).printAll(rows);
        }
        out.flush();
    }
}
