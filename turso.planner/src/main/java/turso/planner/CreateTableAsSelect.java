/*
 * CREATE TABLE ... AS SELECT: a new table whose columns are the query's
 * result columns (repeated names made unique with ":1"...), each declared
 * with the type its affinity implies (INT, REAL, TEXT, NUM, or none), and
 * whose rows are the query's. The stored CREATE text is the one SQLite
 * writes for such a table, not the statement: names quoted where they must
 * be, on one line when short, else one column a line.
 */
package turso.planner;

import java.util.List;
import turso.parser.SqlParser;
import turso.parser.ast.Stmt;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.ProgramBuilder;

final class CreateTableAsSelect {
    private CreateTableAsSelect() {
    }

    /**
     * Emits the new table's B-tree in database {@code db} (root in a
     * register), the rows of the query into it, and its schema row; the
     * caller opened the write transaction and moves the schema cookie on.
     */
    static void emit(ProgramBuilder b, FunctionRegistry functions, Stmt.CreateTable create, String sql, Schema schema,
            int db) {
        String name = create.name().name().value();
        int root = b.newRegister();
        b.emit(Op.CREATE_BTREE, 0, root, db);
        int cursor = b.newCursor();
        b.emit(Op.OPEN_WRITE, cursor, root, db, null, Op.ROOT_IN_REGISTER);
        int record = b.newRegister();
        int rowid = b.newRegister();
        int done = b.newLabel();
        List<Column> columns = SelectCompiler.generateTable(b, functions, create.asSelect(), sql, schema,
                (first, count) -> {
                    b.emit(Op.MAKE_RECORD, first, count, record);
                    b.emit(Op.NEW_ROWID, cursor, rowid, 0);
                    b.emit(Op.INSERT, cursor, record, rowid);
                }, done);
        b.resolve(done);
        SchemaRows.insert(b, db, "table", name, name, root, text(name, columns));
    }

    /** The CREATE TABLE text SQLite stores for a table made from a query's columns. */
    static String text(String table, List<Column> columns) {
        int length = identifierLength(table);
        for (Column c : columns) {
            length += identifierLength(c.name()) + 5;
        }
        boolean oneLine = length < 50;
        StringBuilder s = new StringBuilder("CREATE TABLE ").append(identifier(table)).append('(');
        for (int i = 0; i < columns.size(); i++) {
            s.append(i == 0 ? (oneLine ? "" : "\n  ") : (oneLine ? "," : ",\n  "));
            s.append(identifier(columns.get(i).name())).append(switch (columns.get(i).affinity()) {
                case TEXT -> " TEXT";
                case NUMERIC -> " NUM";
                case INTEGER -> " INT";
                case REAL -> " REAL";
                default -> "";
            });
        }
        return s.append(oneLine ? ")" : "\n)").toString();
    }

    /** SQLite's estimate of a name's length in such a text: quotes counted, doubled ones too. */
    private static int identifierLength(String name) {
        int n = name.length() + 2;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == '"') {
                n++;
            }
        }
        return n;
    }

    /** {@code name} as SQLite writes it: bare when it is a plain word that is not a keyword, else double-quoted. */
    private static String identifier(String name) {
        boolean plain = !name.isEmpty() && !Character.isDigit(name.charAt(0)) && !SqlParser.isKeyword(name);
        for (int i = 0; plain && i < name.length(); i++) {
            char c = name.charAt(i);
            plain = c < 0x80 && (Character.isLetterOrDigit(c) || c == '_');
        }
        return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
