/*
 * Numbers the bind parameters of a statement as SQLite does: "?" takes the
 * number after the largest so far, "?NNN" takes NNN, and a named parameter
 * (":a", "@a", "$a") takes a new number on first use and keeps it after.
 */
package turso.planner;

import java.util.HashMap;
import java.util.Map;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.vm.ProgramBuilder;

final class Parameters {
    /** SQLite's default SQLITE_MAX_VARIABLE_NUMBER. */
    static final int MAX = 32766;

    private final ProgramBuilder program;
    private final Map<String, Integer> named = new HashMap<>();

    Parameters(ProgramBuilder program) {
        this.program = program;
    }

    /** The number of the parameter written as {@code text}. */
    int number(String text) {
        int largest = program.parameterCount();
        if (text.equals("?")) {
            program.setParameter(largest + 1, null);
            return largest + 1;
        }
        if (text.startsWith("?")) {
            long n;
            try {
                n = Long.parseLong(text.substring(1));
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX) {
                throw new TursoException(ResultCode.ERROR, "variable number must be between ?1 and ?" + MAX);
            }
            int index = (int) n;
            program.setParameter(index, text);
            return index;
        }
        Integer known = named.get(text);
        if (known != null) {
            return known;
        }
        int index = largest + 1;
        program.setParameter(index, text);
        named.put(text, index);
        return index;
    }
}
