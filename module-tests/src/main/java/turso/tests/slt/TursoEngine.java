/*
 * This project's engine under test, through the public API only
 * (turso.api.Database / Connection / Statement), on a private in-memory
 * database per file. The engine itself is found at run time by
 * Database.open through ServiceLoader.
 */
package turso.tests.slt;

import java.util.ArrayList;
import java.util.List;
import turso.api.Connection;
import turso.api.Database;
import turso.api.Statement;
import turso.api.TursoException;
import turso.api.Value;

final class TursoEngine implements SltEngine {

    static final String NAME = "turso";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SltDatabase open() throws SqlFailure {
        Database database;
        try {
            database = Database.open(Database.MEMORY);
        } catch (TursoException e) {
            throw new SqlFailure(e.getMessage(), e);
        }
        try {
            return new Db(database, database.connect());
        } catch (RuntimeException e) {
            database.close();
            throw new SqlFailure(String.valueOf(e.getMessage()), e);
        }
    }

    private record Db(Database database, Connection connection) implements SltDatabase {

        @Override
        public void execute(String sql) throws SqlFailure {
            try {
                connection.execute(sql);
            } catch (RuntimeException e) {
                throw new SqlFailure(describe(e), e);
            }
        }

        @Override
        public QueryResult query(String sql) throws SqlFailure {
            Statement st;
            try {
                st = connection.prepare(sql);
            } catch (RuntimeException e) {
                throw new SqlFailure(describe(e), e);
            }
            List<Value> values = new ArrayList<>();
            String stepError = null;
            int columns = 0;
            try (st) {
                columns = st.columnCount();
                while (st.step()) {
                    for (int c = 0; c < columns; c++) {
                        values.add(st.columnValue(c));
                    }
                }
            } catch (TursoException e) {
                stepError = describe(e);
            } catch (RuntimeException e) {
                // Not an SQL error but a defect of the engine: never hidden behind the step-error quirk.
                throw new SqlFailure(describe(e), e);
            }
            return new QueryResult(columns, values, stepError);
        }

        /** Engine errors keep their message; anything else is a bug and says what it was. */
        private static String describe(RuntimeException e) {
            return e instanceof TursoException t
                    ? "[" + t.resultCode() + "] " + t.getMessage()
                    : e.getClass().getName() + ": " + e.getMessage();
        }

        @Override
        public void close() {
            try {
                connection.close();
            } finally {
                database.close();
            }
        }
    }
}
