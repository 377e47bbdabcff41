/*
 * Triggers: CREATE TRIGGER and DROP TRIGGER (rows of sqlite_schema, with
 * SQLite's checks and wording), and the firing of triggers by INSERT,
 * UPDATE and DELETE. A statement that writes a table asks for its triggers
 * (forStatement); each trigger's WHEN and statements are compiled once, as
 * programs of their own whose parameters are the OLD and NEW rows, and run
 * by Op.PROGRAM for each row, BEFORE or AFTER the row is written. Triggers
 * that are already running do not fire again (recursive_triggers off), and
 * of several triggers for the same moment the newest fires first, as in SQLite.
 */
package turso.planner;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.SqlParser;
import turso.parser.ast.Stmt;
import turso.vm.Affinity;
import turso.vm.CompareOp;
import turso.vm.Comparison;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.Program;
import turso.vm.ProgramBuilder;
import turso.vm.SubProgram;

final class TriggerCompiler {
    private final ProgramBuilder b;
    private final FunctionRegistry functions;
    private final Schema schema;
    private final Table table;
    private final Stmt.TriggerEvent event;
    private final List<TriggerDefinition> triggers;
    /** The trigger programs of the statement being compiled, with those of its nested triggers. */
    private final Map<Object, SubProgram> compiled;
    /** OLD's rowid and columns, then NEW's: the parameters of the trigger programs. */
    private final int rows;

    private TriggerCompiler(ProgramBuilder b, FunctionRegistry functions, Schema schema, Table table,
            Stmt.TriggerEvent event, List<TriggerDefinition> triggers) {
        this.b = b;
        this.functions = functions;
        this.schema = schema;
        this.table = table;
        this.event = event;
        this.triggers = triggers;
        this.compiled = schema.firing() == null ? new java.util.HashMap<>() : schema.firing().compiled();
        this.rows = b.newRegisters(2 * (table.columns().size() + 1));
    }

    /**
     * The triggers a statement writing {@code table} fires on {@code event}
     * ({@code changed}: the lower-cased columns an UPDATE sets), or null if none.
     */
    static TriggerCompiler forStatement(ProgramBuilder b, FunctionRegistry functions, Schema schema, Table table,
            Stmt.TriggerEvent event, Set<String> changed) {
        Set<String> active = schema.firing() == null ? Set.of() : schema.firing().active();
        List<TriggerDefinition> firing = new ArrayList<>(schema.triggersOn(table.name()).stream()
                .filter(t -> t.firesOn(event, changed)
                        && (schema.recursiveTriggers() || !active.contains(t.name().toLowerCase(Locale.ROOT))))
                .toList());
        if (firing.isEmpty()) {
            return null;
        }
        java.util.Collections.reverse(firing);
        return new TriggerCompiler(b, functions, schema, table, event, firing);
    }

    /** Whether a trigger not running yet fires on {@code event} (for an UPDATE, of any column) on {@code table}. */
    static boolean anyFires(Schema schema, Table table, Stmt.TriggerEvent event) {
        Set<String> active = schema.firing() == null ? Set.of() : schema.firing().active();
        return schema.triggersOn(table.name()).stream()
                .anyMatch(t -> t.event() == event && !active.contains(t.name().toLowerCase(Locale.ROOT)));
    }

    /** Whether a trigger fires at {@code time}. */
    boolean fires(Stmt.TriggerTime time) {
        return triggers.stream().anyMatch(t -> t.time() == time);
    }

    /**
     * Fires the triggers of {@code time} for one row: {@code oldRowid} and
     * {@code oldValues} (the columns in table order) hold OLD, the others NEW
     * (-1: that row does not exist). RAISE(IGNORE) jumps to {@code ignore}.
     * A rowid alias column is read from the rowid.
     */
    void fire(Stmt.TriggerTime time, int oldRowid, int oldValues, int newRowid, int newValues, int ignore) {
        if (!fires(time)) {
            return;
        }
        int width = table.columns().size();
        TriggerCompiler.copyRow(b, table, oldRowid, oldValues, rows);
        TriggerCompiler.copyRow(b, table, newRowid, newValues, rows + width + 1);
        for (TriggerDefinition t : triggers) {
            if (t.time() == time) {
                b.emit(Op.PROGRAM, rows, ignore, 2 * (width + 1), program(t), 0);
                b.comment(t.name());
            }
        }
    }

    /**
     * A trigger program's OLD or NEW row from registers: the rowid, then each
     * column (a rowid alias as NULL: the program reads it from the rowid);
     * all NULL when {@code rowid} is -1 (that row does not exist).
     */
    static void copyRow(ProgramBuilder b, Table table, int rowid, int values, int target) {
        int width = table.columns().size();
        if (rowid < 0) {
            b.emit(Op.NULL, 0, target, target + width);
            return;
        }
        b.emit(Op.COPY, rowid, target, 0);
        for (int j = 0; j < width; j++) {
            if (j == table.rowidAlias()) {
                b.emit(Op.NULL, 0, target + 1 + j, 0);
            } else {
                b.emit(Op.COPY, values + j, target + 1 + j, 0);
            }
        }
    }

    private SubProgram program(TriggerDefinition t) {
        Set<String> active = new HashSet<>(schema.firing() == null ? Set.of() : schema.firing().active());
        active.add(t.name().toLowerCase(Locale.ROOT));
        // a trigger that may fire itself is one program for every level, which refers to itself
        List<Object> key = schema.recursiveTriggers() ? List.of(t.name().toLowerCase(Locale.ROOT))
                : List.of(t.name().toLowerCase(Locale.ROOT), Set.copyOf(active));
        SubProgram known = compiled.get(key);
        if (known != null) {
            return known;
        }
        Schema inner = schema.firing(new TriggerScope(table, event, Set.copyOf(active), compiled)).confinedTo(t.db());
        List<Program> statements = new ArrayList<>();
        SubProgram program = new SubProgram(condition(t, inner, functions), statements);
        compiled.put(key, program);
        for (Stmt s : t.body()) {
            statements.add(switch (s) {
                case Stmt.Insert i when VirtualTableCompiler.targets(i.table(), inner) ->
                        VirtualTableCompiler.insert(i, t.sql(), inner, functions);
                case Stmt.Update u when VirtualTableCompiler.targets(u.table(), inner) ->
                        VirtualTableCompiler.update(u, t.sql(), inner, functions);
                case Stmt.Delete d when VirtualTableCompiler.targets(d.table(), inner) ->
                        VirtualTableCompiler.delete(d, t.sql(), inner, functions);
                case Stmt.Insert i -> InsertCompiler.compile(i, t.sql(), inner, functions);
                case Stmt.Update u -> UpdateCompiler.compile(u, t.sql(), inner, functions);
                case Stmt.Delete d -> DeleteCompiler.compile(d, t.sql(), inner, functions);
                case Stmt.SelectStmt q -> SelectCompiler.compile(q.select(), t.sql(), inner, functions);
                default -> throw new IllegalStateException("a trigger holds only INSERT, UPDATE, DELETE and SELECT");
            });
        }
        return program;
    }

    /** The program of trigger {@code t}'s WHEN condition, compiled against {@code inner}, or null if it has none. */
    static Program condition(TriggerDefinition t, Schema inner, FunctionRegistry functions) {
        if (t.when() == null) {
            return null;
        }
        String text = "SELECT 1 WHERE (" + t.sql().substring(t.when().span().start(), t.when().span().end()) + ")";
        Stmt.SelectStmt select = (Stmt.SelectStmt) SqlParser.parseOne(text);
        return SelectCompiler.compile(select.select(), text, inner, functions);
    }

    /**
     * CREATE TRIGGER: its row in sqlite_schema, the text from its name on
     * after "CREATE TRIGGER ". A TEMP trigger goes to the temp database and
     * may be on a table of any database; another goes to the database its
     * name gives (main if none, temp if its table is a TEMP table) and is
     * on a table of that database.
     */
    static Program create(Stmt.CreateTrigger create, String sql, Schema schema) {
        String name = create.name().name().value();
        int db = NewObjects.target(create.name(), create.temp(), "trigger", schema);
        String target = create.table().name().value();
        String tableDatabase = create.table().schema() == null ? null : create.table().schema().value();
        if (!create.temp() && create.name().schema() == null && tableDatabase == null
                && schema.databaseOf(target) == 1) {
            db = 1;
        }
        int tableDb = tableDatabase != null ? schema.databaseIndex(tableDatabase)
                : create.temp() || db == 1 ? schema.databaseOf(target) : db;
        String kind = tableDb < 0 ? null : schema.database(tableDb).kindOf(target);
        if (!"table".equals(kind) && !"view".equals(kind)) {
            throw new TursoException(ResultCode.ERROR, "no such table: "
                    + (tableDatabase == null ? schema.databaseName(db) : tableDatabase) + "." + target);
        }
        if (target.regionMatches(true, 0, "sqlite_", 0, 7)) {
            throw new TursoException(ResultCode.ERROR, "cannot create trigger on system table");
        }
        if (schema.virtualTables().isDefined(target)) {
            throw new TursoException(ResultCode.ERROR, "cannot create triggers on virtual tables");
        }
        ProgramBuilder b = new ProgramBuilder();
        b.markWrites();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        if (name.regionMatches(true, 0, "sqlite_", 0, 7)) {
            throw new TursoException(ResultCode.ERROR, "object name reserved for internal use: " + name);
        }
        if (schema.database(db).trigger(name) != null) {
            if (create.ifNotExists()) {
                b.emit(Op.HALT, 0, 0, 0);
                return b.build();
            }
            throw new TursoException(ResultCode.ERROR, "trigger " + name + " already exists",
                    create.name().name().span().start(), null);
        }
        if (kind.equals("table") && create.time() == Stmt.TriggerTime.INSTEAD_OF) {
            throw new TursoException(ResultCode.ERROR, "cannot create INSTEAD OF trigger on table: " + target);
        }
        if (kind.equals("view") && create.time() != Stmt.TriggerTime.INSTEAD_OF) {
            throw new TursoException(ResultCode.ERROR, "cannot create "
                    + (create.time() == Stmt.TriggerTime.AFTER ? "AFTER" : "BEFORE") + " trigger on view: " + target);
        }
        String stored = "CREATE TRIGGER " + sql.substring(create.name().name().span().start(), create.span().end());
        int root = b.newRegister();
        b.emit(Op.TRANSACTION, db, 1, 0);
        b.emit(Op.INTEGER, 0, root, 0);
        SchemaRows.insert(b, db, "trigger", name, target, root, stored);
        b.emit(Op.BUMP_SCHEMA_COOKIE, db, 0, 0);
        b.emit(Op.PARSE_SCHEMA, db, 0, 0);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    /** DROP TRIGGER: its row of sqlite_schema (type "trigger" and its name). */
    static Program drop(Stmt.Drop drop, Schema schema, FunctionRegistry functions) {
        String name = drop.name().name().value();
        int db = -1;
        if (drop.name().schema() != null) {
            db = schema.databaseIndex(drop.name().schema().value());
        } else {
            for (int d : new int[] {1, 0}) {
                if (db < 0 && schema.database(d).trigger(name) != null) {
                    db = d;
                }
            }
            for (int d = 2; db < 0 && d < schema.databaseCount(); d++) {
                if (schema.database(d).trigger(name) != null) {
                    db = d;
                }
            }
        }
        ProgramBuilder b = new ProgramBuilder();
        b.markWrites();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        if (db < 0 || schema.database(db).trigger(name) == null) {
            if (drop.ifExists()) {
                b.emit(Op.HALT, 0, 0, 0);
                return b.build();
            }
            throw new TursoException(ResultCode.ERROR, "no such trigger: "
                    + (drop.name().schema() == null ? "" : drop.name().schema().value() + ".") + name);
        }
        int cursor = b.newCursor();
        int wantedName = b.newRegister();
        int wantedType = b.newRegister();
        int column = b.newRegister();
        int same = b.newRegister();
        int done = b.newLabel();
        Comparison nocase = new Comparison(CompareOp.EQ, Affinity.NONE, functions.collation("NOCASE"));
        b.emit(Op.STRING8, 0, wantedName, 0, name.getBytes(StandardCharsets.UTF_8), 0);
        b.emit(Op.STRING8, 0, wantedType, 0, "trigger".getBytes(StandardCharsets.UTF_8), 0);
        b.emit(Op.TRANSACTION, db, 1, 0);
        b.emit(Op.OPEN_WRITE, cursor, 1, db);
        b.comment("sqlite_schema");
        b.emit(Op.REWIND, cursor, done, 0);
        int loop = b.currentAddress();
        int next = b.newLabel();
        b.emit(Op.COLUMN, cursor, 0, column);
        b.emit(Op.COMPARE, column, wantedType, same, nocase, 0);
        b.emit(Op.IF_NOT, same, next, 1);
        b.emit(Op.COLUMN, cursor, 1, column);
        b.emit(Op.COMPARE, column, wantedName, same, nocase, 0);
        b.emit(Op.IF_NOT, same, next, 1);
        b.emit(Op.DELETE, cursor, 0, 0);
        b.resolve(next);
        b.emit(Op.NEXT, cursor, loop, 0);
        b.resolve(done);
        b.emit(Op.BUMP_SCHEMA_COOKIE, db, 0, 0);
        b.emit(Op.PARSE_SCHEMA, db, 0, 0);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }
}
