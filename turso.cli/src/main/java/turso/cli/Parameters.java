/*
 * The ".parameter" bindings: values for named parameters ($name, :name,
 * @name, ?N), bound to every later statement that has a parameter of that
 * name, as sqlite3 binds them from its temp.sqlite_parameters table (a
 * parameter without a value is NULL). Kept here rather than in a TEMP table;
 * listed in the table's order (by key), values shown as SQL's quote() shows them.
 */
package turso.cli;

import java.util.Map;
import java.util.TreeMap;
import turso.api.Connection;
import turso.api.Statement;
import turso.api.TursoException;
import turso.api.Value;

final class Parameters {

    /** A value and its quote() text. */
    private record Binding(Value value, String quoted) {
    }

    private static final int MAX_KEY_WIDTH = 40;

    private final Map<String, Binding> bindings = new TreeMap<>();
    private boolean active;

    /**
     * ".parameter set KEY VALUE": VALUE is evaluated as an SQL expression,
     * or taken as text when it is not one (sqlite3's fallback).
     */
    void set(Connection connection, String key, String expression) {
        Value value;
        try (Statement statement = connection.prepare("SELECT " + expression)) {
            if (statement.columnCount() != 1 || !statement.step()) {
                throw new TursoException(turso.api.ResultCode.ERROR, "not a value");
            }
            value = statement.columnValue(0);
        } catch (TursoException e) {
            value = Value.of(expression);
        }
        String quoted;
        try (Statement statement = connection.prepare("SELECT quote(?1)")) {
            statement.bindValue(1, value);
            statement.step();
            quoted = statement.columnText(0);
        }
        bindings.put(key, new Binding(value, quoted));
        active = true;
    }

    void unset(String key) {
        bindings.remove(key);
    }

    /** ".parameter init": bindings start applying (all NULL until set). */
    void init() {
        active = true;
    }

    /** ".parameter clear": no bindings, and none applied. */
    void clear() {
        bindings.clear();
        active = false;
    }

    /** ".parameter list" as sqlite3 prints it: keys padded to the longest (at most 40), then quote(value). */
    String list() {
        int width = 0;
        for (String key : bindings.keySet()) {
            width = Math.max(width, key.codePointCount(0, key.length()));
        }
        width = Math.min(width, MAX_KEY_WIDTH);
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Binding> entry : bindings.entrySet()) {
            String key = entry.getKey();
            out.append(key).append(" ".repeat(Math.max(0, width - key.codePointCount(0, key.length()))))
                    .append(' ').append(entry.getValue().quoted()).append('\n');
        }
        return out.toString();
    }

    /** Binds every parameter of {@code statement}: its value if set, else NULL (only once bindings are in use). */
    void bind(Statement statement) {
        if (!active) {
            return;
        }
        for (int i = 1; i <= statement.parameterCount(); i++) {
            String name = statement.parameterName(i);
            Binding binding = bindings.get(name == null ? "?" + i : name);
            if (binding == null) {
                statement.bindNull(i);
            } else {
                statement.bindValue(i, binding.value());
            }
        }
    }
}
