/*
 * Code generation for ALTER TABLE (lang_altertable.html): RENAME TO, RENAME
 * COLUMN, ADD COLUMN and DROP COLUMN. The stored CREATE texts are rewritten
 * here, when the statement is compiled, as SQLite rewrites them: only the
 * tokens that name the table or the column change (a renamed table is always
 * written double-quoted; a renamed column is quoted where the old token was,
 * or everywhere when the new name was written quoted), an added column's
 * definition goes after the last column, a dropped one's text is cut out.
 * (SqlReferences finds those tokens in tables and indexes, ResolvedReferences
 * in views and triggers of the table's database and temp.) The rewritten
 * table (and its indexes) must read back, else the statement fails as
 * SQLite's does ("error in table t after ..."). The program then writes the
 * new rows of
 * sqlite_schema (and sqlite_sequence), rewrites the table's rows when a
 * column is dropped or added with a default, and moves the schema cookie on.
 * The table may be one of main, temp or an attached database; its
 * database's sqlite_schema (or sqlite_temp_schema) is the one rewritten,
 * with the temp views and triggers that refer to it.
 * Around RENAME and DROP COLUMN every view and trigger must compile, before
 * the change and on the schema it leaves (SchemaCheck), as SQLite checks them
 * when legacy_alter_table is off; with it on, RENAME TO leaves views and
 * triggers' statements as they were written. RENAME COLUMN and DROP COLUMN
 * first turn double-quoted strings into single-quoted ones everywhere, as
 * SQLite does (QuoteFix).
 */
package turso.planner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.SqlParser;
import turso.parser.ast.ColumnConstraint;
import turso.parser.ast.ColumnDef;
import turso.parser.ast.Expr;
import turso.parser.ast.ForeignKey;
import turso.parser.ast.Name;
import turso.parser.ast.OrderingTerm;
import turso.parser.ast.Stmt;
import turso.vm.Affinity;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.Program;
import turso.vm.ProgramBuilder;
import turso.vm.SortOrder;

final class AlterTableCompiler {
    private AlterTableCompiler() {
    }

    /** A replacement of text [start, end) of a stored CREATE statement. */
    private record Edit(int start, int end, String text) {
    }

    /**
     * The stored texts a statement starts from (as QuoteFix leaves them for
     * RENAME COLUMN and DROP COLUMN), and the rows of sqlite_schema it
     * writes: each object once, those QuoteFix changed and nothing else did
     * at the end.
     */
    private static final class Texts {
        private final Map<String, QuoteFix.Fixed> fixed;
        private final Map<String, QuoteFix.Fixed> pending;
        private boolean wroteTemp;

        Texts(Map<String, QuoteFix.Fixed> fixed) {
            this.fixed = fixed;
            this.pending = new java.util.LinkedHashMap<>(fixed);
        }

        /** The text of an object to start from: {@code stored}, or what QuoteFix made of it. */
        String of(int db, String type, String name, String stored) {
            QuoteFix.Fixed f = fixed.get(QuoteFix.key(db, type, name));
            return f != null ? f.sql() : stored;
        }

        boolean touchesTemp() {
            return fixed.values().stream().anyMatch(f -> f.db() == 1);
        }

        boolean wroteTemp() {
            return wroteTemp;
        }

        /** Rewrites the row of an object of database {@code db}'s sqlite_schema. */
        void write(ProgramBuilder b, FunctionRegistry functions, int db, String type, String name, String newName,
                String tableName, String sql) {
            pending.remove(QuoteFix.key(db, type, name));
            wroteTemp |= db == 1;
            SchemaRows.update(b, functions, db, type, name, newName, tableName, sql);
        }

        /** Writes the objects QuoteFix changed that the statement did not rewrite otherwise. */
        void writeRest(ProgramBuilder b, FunctionRegistry functions) {
            for (QuoteFix.Fixed f : List.copyOf(pending.values())) {
                write(b, functions, f.db(), f.type(), f.name(), f.name(), f.tableName(), f.sql());
            }
        }
    }

    static Program compile(Stmt.AlterTable alter, String sql, Schema schema, FunctionRegistry functions) {
        String name = alter.table().name().value();
        int db = database(alter, schema);
        Place place = new Place(db, db == 1 ? List.of(1) : List.of(db, 1));
        Schema connection = schema;
        schema = schema.database(db);
        String kind = schema.kindOf(name);
        if (name.regionMatches(true, 0, "sqlite_", 0, 7) && kind != null) {
            boolean schemaTable = name.equalsIgnoreCase("sqlite_schema") || name.equalsIgnoreCase("sqlite_master");
            throw new TursoException(ResultCode.ERROR,
                    "table " + (schemaTable ? "sqlite_master" : name) + " may not be altered");
        }
        if ("view".equals(kind)) {
            throw new TursoException(ResultCode.ERROR, switch (alter.action()) {
                case Stmt.AddColumn a -> "Cannot add a column to a view";
                case Stmt.DropColumn d -> "cannot drop column from view \"" + name + "\"";
                case Stmt.RenameColumn r -> "cannot rename columns of view \"" + name + "\"";
                default -> "view " + name + " may not be altered";
            });
        }
        if (!"table".equals(kind)) {
            throw new TursoException(ResultCode.ERROR, "no such table: " + name);
        }
        Table table = schema.table(name);
        if (table != null && table.rootPage() == Table.VIRTUAL) {
            throw Unsupported.feature("ALTER TABLE on a virtual table");
        }
        Texts texts = new Texts(alter.action() instanceof Stmt.RenameColumn || alter.action() instanceof Stmt.DropColumn
                ? QuoteFix.texts(connection, place.dbs()) : Map.of());
        String tableSql = texts.of(db, "table", name, schema.sql(name));
        if (table == null || tableSql == null) {
            throw Unsupported.feature("ALTER TABLE on " + name + " (its definition uses features not supported yet)");
        }
        table.checkWritable();
        Stmt.CreateTable create = (Stmt.CreateTable) SqlParser.parseOne(tableSql);

        ProgramBuilder b = new ProgramBuilder();
        b.markWrites();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        b.emit(Op.TRANSACTION, db, 1, 0);
        if (db != 1 && (!connection.database(1).triggers().isEmpty() || !connection.database(1).viewNames().isEmpty()
                || texts.touchesTemp())) {
            b.emit(Op.TRANSACTION, 1, 1, 0);
        }
        List<Schema.Rewritten> rewritten = new ArrayList<>();
        switch (alter.action()) {
            case Stmt.RenameTable r -> renameTable(b, functions, connection, place, schema, table, create, tableSql,
                    r.newName(), rewritten, texts);
            case Stmt.RenameColumn r -> renameColumn(b, functions, connection, place, schema, table, create,
                    tableSql, r, rewritten, texts);
            case Stmt.AddColumn a -> addColumn(b, functions, db, table, create, tableSql, a.column(), sql, alter,
                    schema.enforcesForeignKeys());
            case Stmt.DropColumn d -> dropColumn(b, functions, connection, place, schema, table, create, tableSql,
                    d.column(), texts);
        }
        texts.writeRest(b, functions);
        b.emit(Op.BUMP_SCHEMA_COOKIE, db, 0, 0);
        b.emit(Op.PARSE_SCHEMA, db, 0, 0);
        if (db != 1 && texts.wroteTemp()) {
            b.emit(Op.BUMP_SCHEMA_COOKIE, 1, 0, 0);
            b.emit(Op.PARSE_SCHEMA, 1, 0, 0);
        }
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    /**
     * Where the altered table is: its database, and the databases whose
     * objects the statement looks at (that one, then temp), as SQLite looks
     * at them.
     */
    private record Place(int db, List<Integer> dbs) {
        /** How names in an object of database {@code objectDb} find table {@code table} of this place. */
        ResolvedReferences.Target target(Schema connection, int objectDb, String table) {
            boolean bare = objectDb == db || objectDb == 1 && connection.databaseOf(table) == db;
            return new ResolvedReferences.Target(connection.databaseName(db), bare);
        }
    }

    /**
     * The database of the table ALTER TABLE names: the one its qualifier
     * names, else the first where the name is found (temp, main, attached
     * ones); fails as SQLite does when that database has no such table.
     */
    private static int database(Stmt.AlterTable alter, Schema connection) {
        String name = alter.table().name().value();
        if (alter.table().schema() == null) {
            return Math.max(connection.databaseOf(name), 0);
        }
        String qualifier = alter.table().schema().value();
        for (int db = 0; db < connection.databaseCount(); db++) {
            if (connection.databaseName(db).equalsIgnoreCase(qualifier)
                    && connection.database(db).kindOf(name) != null) {
                return db;
            }
        }
        throw new TursoException(ResultCode.ERROR, "no such table: " + qualifier + "." + name);
    }

    private static void renameTable(ProgramBuilder b, FunctionRegistry functions, Schema connection, Place place,
            Schema schema, Table table, Stmt.CreateTable create, String tableSql, Name newName,
            List<Schema.Rewritten> rewritten, Texts texts) {
        int db = place.db();
        String old = table.name();
        String target = newName.value();
        if (schema.kindOf(target) != null) {
            throw new TursoException(ResultCode.ERROR,
                    "there is already another table or index with this name: " + target);
        }
        if (target.regionMatches(true, 0, "sqlite_", 0, 7)) {
            throw new TursoException(ResultCode.ERROR, "object name reserved for internal use: " + target);
        }
        boolean legacy = schema.flags().legacyAlterTable();
        if (!legacy) {
            SchemaCheck.check(connection, place.dbs(), functions, "");
        }
        String quoted = quoted(target);
        List<Name> names = new ArrayList<>();
        names.add(create.name().name());
        SqlReferences.tableRefsInTable(create, old, names);
        String newSql = apply(tableSql, names, n -> quoted);
        texts.write(b, functions, db, "table", old, target, target, newSql);
        Map<String, String> indexTexts = new HashMap<>();
        for (Index index : table.indexes()) {
            String indexSql = schema.sql(index.name());
            if (indexSql == null) {
                String renamed = "sqlite_autoindex_" + target + index.name().substring(("sqlite_autoindex_" + old).length());
                texts.write(b, functions, db, "index", index.name(), renamed, target, null);
            } else {
                Stmt.CreateIndex ci = (Stmt.CreateIndex) SqlParser.parseOne(indexSql);
                List<Name> refs = new ArrayList<>();
                refs.add(ci.table());
                for (OrderingTerm term : ci.columns()) {
                    SqlReferences.qualifiers(term.expr(), old, refs);
                }
                SqlReferences.qualifiers(ci.where(), old, refs);
                String newIndexSql = apply(indexSql, refs, n -> quoted);
                indexTexts.put(index.name(), newIndexSql);
                texts.write(b, functions, db, "index", index.name(), index.name(), target, newIndexSql);
            }
        }
        for (Table other : schema.tables()) {
            String otherSql = schema.sql(other.name());
            if (other == table || otherSql == null || legacy && !schema.enforcesForeignKeys()) {
                continue;
            }
            Stmt.CreateTable oc = (Stmt.CreateTable) SqlParser.parseOne(otherSql);
            List<Name> refs = new ArrayList<>();
            for (ForeignKey fk : SqlReferences.foreignKeys(oc)) {
                if (fk.table().is(old)) {
                    refs.add(fk.table());
                }
            }
            if (!refs.isEmpty()) {
                texts.write(b, functions, db, "table", other.name(), other.name(), other.name(),
                        apply(otherSql, refs, n -> quoted));
            }
        }
        if (!legacy) {
            rewriteViews(b, functions, connection, place, old, (select, text, home, where) ->
                    ResolvedReferences.tableRefs(select, text, home, old, where), n -> quoted, rewritten, texts);
        }
        rewriteTriggers(b, functions, connection, place, old, target, (trigger, text, home, where, onTable) -> legacy
                ? onTable ? List.of(trigger.table().name()) : List.of()
                : ResolvedReferences.tableRefs(trigger, text, home, old, where, onTable), n -> quoted, rewritten,
                texts);
        Table sequence = schema.table(Autoincrement.SEQUENCE);
        if (table.autoincrement() && sequence != null) {
            renameSequenceRow(b, functions, db, sequence, old, target);
        }
        if (!legacy) {
            Table renamed = withIndexes(reread(newSql, table, "rename", functions), db, table, schema, indexTexts);
            SchemaCheck.check(connection.altered(db, old, renamed, rewritten), place.dbs(), functions,
                    "after rename");
        }
    }

    /** Finds the tokens of a view's SELECT (whose text is {@code text}) an ALTER TABLE rewrites. */
    @FunctionalInterface
    private interface ViewTokens {
        List<Name> find(turso.parser.ast.Select select, String text, Schema home, ResolvedReferences.Target where);
    }

    /**
     * Rewrites the views of the table's database and temp in which
     * {@code tokens} finds names of what is renamed, each token replaced by
     * what {@code replacement} gives; the new texts are added to
     * {@code rewritten}.
     */
    private static void rewriteViews(ProgramBuilder b, FunctionRegistry functions, Schema connection, Place place,
            String table, ViewTokens tokens, java.util.function.Function<Name, String> replacement,
            List<Schema.Rewritten> rewritten, Texts texts) {
        for (int db : place.dbs()) {
            Schema one = connection.database(db);
            Schema home = connection.confinedTo(db);
            for (String view : one.viewNames()) {
                String viewSql = texts.of(db, "view", view, one.sql(view));
                if (viewSql != null && SqlParser.parseOne(viewSql) instanceof Stmt.CreateView cv) {
                    List<Name> refs = tokens.find(cv.select(), viewSql, home, place.target(connection, db, table));
                    if (!refs.isEmpty()) {
                        String newViewSql = apply(viewSql, refs, replacement);
                        rewritten.add(new Schema.Rewritten(db, "view", view, newViewSql));
                        texts.write(b, functions, db, "view", view, view, view, newViewSql);
                    }
                }
            }
        }
    }

    /** Finds the tokens of a trigger (whose text is {@code text}) an ALTER TABLE rewrites. */
    @FunctionalInterface
    private interface TriggerTokens {
        List<Name> find(Stmt.CreateTrigger trigger, String text, Schema home, ResolvedReferences.Target where,
                boolean onTable);
    }

    /**
     * Rewrites the triggers of the table's database and temp in which
     * {@code tokens} finds names of what is renamed (table {@code table} of
     * that database, whose new name
     * is {@code newTable}), each token replaced by what {@code replacement}
     * gives; the new texts are added to {@code rewritten}.
     */
    private static void rewriteTriggers(ProgramBuilder b, FunctionRegistry functions, Schema connection, Place place,
            String table, String newTable, TriggerTokens tokens, java.util.function.Function<Name, String> replacement,
            List<Schema.Rewritten> rewritten, Texts texts) {
        for (int db : place.dbs()) {
            Schema home = connection.confinedTo(db);
            ResolvedReferences.Target where = place.target(connection, db, table);
            for (TriggerDefinition t : connection.database(db).triggers()) {
                String text = texts.of(db, "trigger", t.name(), t.sql());
                Stmt.CreateTrigger trigger = (Stmt.CreateTrigger) SqlParser.parseOne(text);
                Name on = trigger.table().schema();
                boolean onTable = t.table().equalsIgnoreCase(table)
                        && (on == null ? where.bare() : on.is(where.database()));
                List<Name> names = tokens.find(trigger, text, home, where, onTable);
                if (!names.isEmpty()) {
                    String newSql = apply(text, names, replacement);
                    rewritten.add(new Schema.Rewritten(db, "trigger", t.name(), newSql));
                    texts.write(b, functions, db, "trigger", t.name(), t.name(), onTable ? newTable : t.table(),
                            newSql);
                }
            }
        }
    }

    /**
     * {@code altered} (a table's new definition, read from its new text) with
     * the indexes of {@code table} that have a text, read from it (or from
     * {@code newTexts}, by index name, where ALTER TABLE rewrote it).
     */
    private static Table withIndexes(Table altered, int db, Table table, Schema schema, Map<String, String> newTexts) {
        Table t = altered.inDatabase(db);
        for (Index i : table.indexes()) {
            String text = newTexts.getOrDefault(i.name(), schema.sql(i.name()));
            if (text != null && SqlParser.parseOne(text) instanceof Stmt.CreateIndex ci) {
                try {
                    t = t.withIndex(IndexDefinition.read(ci, t, i.rootPage()));
                } catch (Unsupported e) {
                    // an index method this engine cannot read yet: the check goes on without it
                }
            }
        }
        return t;
    }

    private static void renameColumn(ProgramBuilder b, FunctionRegistry functions, Schema connection, Place place,
            Schema schema, Table table, Stmt.CreateTable create, String tableSql, Stmt.RenameColumn rename,
            List<Schema.Rewritten> rewritten, Texts texts) {
        int db = place.db();
        String column = rename.oldName().value();
        int index = table.columnIndex(column);
        if (index < 0) {
            throw new TursoException(ResultCode.ERROR, "no such column: \"" + column + "\"");
        }
        String target = rename.newName().value();
        boolean alwaysQuote = rename.newName().quote() != Name.Quote.NONE;
        java.util.function.Function<Name, String> replacement = n ->
                alwaysQuote || n.quote() != Name.Quote.NONE ? quoted(target) : target;
        String name = table.name();
        List<Name> names = new ArrayList<>();
        SqlReferences.columnRefsInTable(create, name, table.columns().get(index).name(), names);
        String newSql = apply(tableSql, names, replacement);
        SchemaCheck.check(connection, place.dbs(), functions, "");
        loneStrings(connection, place, i -> i.table().equalsIgnoreCase(name) && i.db() == db, "");
        Table renamed = reread(newSql, table, "rename", functions);
        texts.write(b, functions, db, "table", name, name, name, newSql);
        Map<String, String> indexTexts = new HashMap<>();
        for (Index i : table.indexes()) {
            String indexSql = texts.of(db, "index", i.name(), schema.sql(i.name()));
            if (indexSql == null) {
                continue;
            }
            Stmt.CreateIndex ci = (Stmt.CreateIndex) SqlParser.parseOne(indexSql);
            List<Name> refs = new ArrayList<>();
            for (OrderingTerm term : ci.columns()) {
                SqlReferences.columnRefs(term.expr(), name, column, refs);
            }
            SqlReferences.columnRefs(ci.where(), name, column, refs);
            if (!refs.isEmpty()) {
                String newIndexSql = apply(indexSql, refs, replacement);
                rereadIndex(newIndexSql, renamed, "rename", null, functions);
                indexTexts.put(i.name(), newIndexSql);
                texts.write(b, functions, db, "index", i.name(), i.name(), name, newIndexSql);
            }
        }
        rewriteViews(b, functions, connection, place, name, (select, text, home, where) ->
                ResolvedReferences.columnRefs(select, text, home, name, where, column), replacement, rewritten,
                texts);
        for (Table other : schema.tables()) {
            String otherSql = texts.of(db, "table", other.name(), schema.sql(other.name()));
            if (other == table || otherSql == null) {
                continue;
            }
            Stmt.CreateTable oc = (Stmt.CreateTable) SqlParser.parseOne(otherSql);
            List<Name> refs = new ArrayList<>();
            for (ForeignKey fk : SqlReferences.foreignKeys(oc)) {
                if (fk.table().is(name)) {
                    fk.columns().stream().filter(c -> c.is(column)).forEach(refs::add);
                }
            }
            if (!refs.isEmpty()) {
                texts.write(b, functions, db, "table", other.name(), other.name(), other.name(),
                        apply(otherSql, refs, replacement));
            }
        }
        String old = table.columns().get(index).name();
        rewriteTriggers(b, functions, connection, place, name, name, (trigger, text, home, where, onTable) ->
                ResolvedReferences.columnRefs(trigger, text, home, name, where, old, onTable), replacement,
                rewritten, texts);
        if (db == 1 && !rewritten.isEmpty()) {
            // SQLite rewrites temp's views and triggers twice for a temp table, the second time reading the
            // first one's texts against the table as it was: a rewritten reference then names no column
            SchemaCheck.check(connection.altered(db, name, table, rewritten), place.dbs(), functions, "");
        }
        loneStrings(connection, place, i -> true, " after rename");
        SchemaCheck.check(connection.altered(db, name, withIndexes(renamed, db, table, schema, indexTexts),
                rewritten), place.dbs(), functions, "after rename");
    }

    private static void addColumn(ProgramBuilder b, FunctionRegistry functions, int db, Table table,
            Stmt.CreateTable create, String tableSql, ColumnDef def, String sql, Stmt.AlterTable alter,
            boolean foreignKeys) {
        if (table.columnIndex(def.name().value()) >= 0) {
            throw new TursoException(ResultCode.ERROR, "duplicate column name: " + def.name().value());
        }
        Expr defaultValue = null;
        boolean notNull = false;
        for (ColumnConstraint c : def.constraints()) {
            switch (c) {
                case ColumnConstraint.PrimaryKey pk ->
                        throw new TursoException(ResultCode.ERROR, "Cannot add a PRIMARY KEY column");
                case ColumnConstraint.Unique u ->
                        throw new TursoException(ResultCode.ERROR, "Cannot add a UNIQUE column");
                case ColumnConstraint.Generated g when g.stored() ->
                        throw new TursoException(ResultCode.ERROR, "cannot add a STORED column");
                case ColumnConstraint.Default d -> defaultValue = d.value();
                case ColumnConstraint.NotNull n -> notNull = true;
                default -> { }
            }
        }
        if (defaultValue != null && !isConstant(defaultValue)) {
            throw new TursoException(ResultCode.ERROR, "Cannot add a column with non-constant default");
        }
        boolean nullDefault = defaultValue == null
                || defaultValue instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.NULL;
        if (foreignKeys && !nullDefault && def.constraints().stream().anyMatch(c -> c instanceof ColumnConstraint.References)) {
            failUnlessEmpty(b, functions, db, table, "Cannot add a REFERENCES column with non-NULL default value");
        }
        if (notNull && nullDefault) {
            throw new TursoException(ResultCode.ERROR, "Cannot add a NOT NULL column with default value NULL");
        }
        String definition = sql.substring(def.name().span().start(), alter.span().end()).strip();
        while (definition.endsWith(";")) {
            definition = definition.substring(0, definition.length() - 1).strip();
        }
        ColumnDef last = create.columns().getLast();
        int at = SqlText.nextToken(tableSql, last.span().end());
        String newSql = tableSql.substring(0, at) + ", " + definition + tableSql.substring(at);
        Table added = reread(newSql, table, "add column", functions);
        SchemaRows.update(b, functions, db, "table", table.name(), table.name(), table.name(), newSql);
        int width = table.storedWidth();
        RowBuilder withDefault = (cursor, row) -> {
            readColumns(b, table, cursor, row, -1);
            Column column = added.columns().getLast();
            if (column.defaultValue() == null) {
                b.emit(Op.NULL, 0, row + width, 0);
            } else {
                new ExprCompiler(b, functions).compileInto(column.defaultValue() instanceof Expr.ColumnRef ref
                        ? new Expr.Literal(Expr.LiteralKind.STRING, ref.column().value(), ref.span())
                        : column.defaultValue(), row + width);
                b.emit(Op.AFFINITY, row + width, 1, 0, new Affinity[] {column.affinity()}, 0);
            }
            return width + 1;
        };
        if (!nullDefault) {
            rewriteRows(b, functions, db, table, withDefault);
        }
        if (!added.checks().isEmpty()) {
            verifyChecks(b, functions, db, added, withDefault);
        }
    }

    /** Fails with {@code message} when {@code table} has a row, as SQLite's checks of ADD COLUMN do. */
    private static void failUnlessEmpty(ProgramBuilder b, FunctionRegistry functions, int db, Table table,
            String message) {
        int cursor = b.newCursor();
        int empty = b.newLabel();
        b.emit(Op.OPEN_READ, cursor, table.rootPage(), db, WithoutRowid.tableKey(table, functions), 0);
        b.emit(Op.REWIND, cursor, empty, 0);
        b.emit(Op.HALT, ResultCode.ERROR.code(), 0, 0, message, 0);
        b.resolve(empty);
    }

    /**
     * After ADD COLUMN to a table with CHECK constraints, fails with SQLite's
     * "CHECK constraint failed" when a row (with the new column's default)
     * breaks one, as SQLite's check of the altered table does.
     */
    private static void verifyChecks(ProgramBuilder b, FunctionRegistry functions, int db, Table added,
            RowBuilder row) {
        int cursor = b.newCursor();
        int rowid = b.newRegister();
        int values = b.newRegisters(added.columns().size());
        int done = b.newLabel();
        b.emit(Op.OPEN_WRITE, cursor, added.rootPage(), db, WithoutRowid.tableKey(added, functions), 0);
        b.comment(added.name());
        b.emit(Op.REWIND, cursor, done, 0);
        int loop = b.currentAddress();
        row.build(cursor, values);
        b.emit(Op.ROWID, cursor, rowid, 0);
        for (Table.Check check : added.checks()) {
            int ok = b.newLabel();
            ExprCompiler exprs = IndexMaintenance.rowExpressions(b, functions, added, values, rowid);
            b.emit(Op.IF, exprs.compile(check.expr()), ok, 1);
            b.emit(Op.HALT, ResultCode.CONSTRAINT_CHECK.code(), 0, 0, "CHECK constraint failed", 0);
            b.resolve(ok);
        }
        b.emit(Op.NEXT, cursor, loop, 0);
        b.resolve(done);
    }

    private static void dropColumn(ProgramBuilder b, FunctionRegistry functions, Schema connection, Place place,
            Schema schema, Table table, Stmt.CreateTable create, String tableSql, Name columnName, Texts texts) {
        int db = place.db();
        String column = columnName.value();
        int index = table.columnIndex(column);
        if (index < 0) {
            throw new TursoException(ResultCode.ERROR, "no such column: \"" + column + "\"");
        }
        String shown = table.columns().get(index).name();
        boolean primaryKey = index == table.rowidAlias() || table.indexes().stream().anyMatch(
                i -> i.origin().equals("pk") && i.parts().stream().anyMatch(p -> p.column() == index));
        boolean unique = create.columns().get(index).constraints().stream()
                .anyMatch(c -> c instanceof ColumnConstraint.Unique);
        if (primaryKey || unique) {
            throw new TursoException(ResultCode.ERROR, "cannot drop " + (primaryKey ? "PRIMARY KEY" : "UNIQUE")
                    + " column: \"" + shown + "\"");
        }
        if (table.columns().size() == 1) {
            throw new TursoException(ResultCode.ERROR, "cannot drop column \"" + shown + "\": no other columns exist");
        }
        if (table.hasGenerated()) {
            throw Unsupported.feature("DROP COLUMN on a table with generated columns");
        }
        SchemaCheck.check(connection, place.dbs(), functions, "");
        List<ColumnDef> defs = create.columns();
        int start;
        int end;
        if (index < defs.size() - 1) {
            start = defs.get(index).span().start();
            end = defs.get(index + 1).span().start();
        } else {
            start = tableSql.lastIndexOf(',', defs.get(index).span().start());
            end = SqlText.nextToken(tableSql, defs.get(index).span().end());
        }
        String newSql = tableSql.substring(0, start) + tableSql.substring(end);
        Table dropped = reread(newSql, table, "drop column", functions);
        for (Index i : table.indexes()) {
            String indexSql = schema.sql(i.name());
            if (indexSql != null) {
                rereadIndex(indexSql, dropped, "drop column", i.name(), functions);
            }
        }
        loneStrings(connection, place, i -> true, " after drop column");
        SchemaCheck.check(connection.altered(db, table.name(), withIndexes(dropped, db, table, schema, Map.of()),
                List.of()), place.dbs(), functions, "after drop column");
        texts.write(b, functions, db, "table", table.name(), table.name(), table.name(), newSql);
        rewriteRows(b, functions, db, table, (cursor, row) -> {
            readColumns(b, table, cursor, row, index);
            return table.columns().size() - 1;
        });
    }

    /** An index of a database, and the table it is on. */
    private record IndexOf(int db, String table) {
    }

    /**
     * Fails as SQLite's checks in RENAME COLUMN and DROP COLUMN do on the
     * first index (of those {@code which} picks) with a term that is a
     * double-quoted string alone (IndexDefinition.loneString), which they
     * read as a column name; {@code when} goes into the message.
     */
    private static void loneStrings(Schema connection, Place place, java.util.function.Predicate<IndexOf> which,
            String when) {
        for (int db : place.dbs()) {
            Schema one = connection.database(db);
            for (Table t : one.tables()) {
                if (!which.test(new IndexOf(db, t.name()))) {
                    continue;
                }
                for (Index index : t.indexes()) {
                    String text = one.sql(index.name());
                    if (text != null && SqlParser.parseOne(text) instanceof Stmt.CreateIndex ci) {
                        for (OrderingTerm term : ci.columns()) {
                            Name lone = IndexDefinition.loneString(term.expr(), t);
                            if (lone != null) {
                                throw new TursoException(ResultCode.ERROR, "error in index " + index.name() + when
                                        + ": no such column: " + lone.value());
                            }
                        }
                    }
                }
            }
        }
    }

    /** Emits the code that puts a table row's new values in registers from {@code row} on; returns how many. */
    @FunctionalInterface
    private interface RowBuilder {
        int build(int cursor, int row);
    }

    /**
     * Rewrites every row of {@code table} with the record {@code builder}
     * makes of it; the rowids are gathered first so that the rows being
     * rewritten are not met again.
     */
    private static void rewriteRows(ProgramBuilder b, FunctionRegistry functions, int db, Table table,
            RowBuilder builder) {
        int cursor = b.newCursor();
        int rowids = b.newCursor();
        int rowid = b.newRegister();
        int row = b.newRegisters(table.columns().size() + 1);
        int record = b.newRegister();
        int done = b.newLabel();
        b.emit(Op.OPEN_WRITE, cursor, table.rootPage(), db, WithoutRowid.tableKey(table, functions), 0);
        b.comment(table.name());
        b.emit(Op.SORTER_OPEN, rowids, 0, 0, new SortOrder(new turso.api.spi.Collation[0], new boolean[0],
                new boolean[0]), 0);
        int gathered = b.newLabel();
        b.emit(Op.REWIND, cursor, gathered, 0);
        int scan = b.currentAddress();
        b.emit(Op.ROWID, cursor, rowid, 0);
        b.emit(Op.SORTER_INSERT, rowids, rowid, 1);
        b.emit(Op.NEXT, cursor, scan, 0);
        b.resolve(gathered);
        b.emit(Op.SORTER_SORT, rowids, done, 0);
        int each = b.currentAddress();
        int skip = b.newLabel();
        b.emit(Op.SORTER_COLUMN, rowids, 0, rowid);
        b.emit(Op.NOT_EXISTS, cursor, skip, rowid);
        int count = builder.build(cursor, row);
        b.emit(Op.MAKE_RECORD, row, count, record);
        b.emit(Op.INSERT, cursor, record, rowid);
        b.resolve(skip);
        b.emit(Op.SORTER_NEXT, rowids, each, 0);
        b.resolve(done);
    }

    /**
     * The row's stored values (VIRTUAL columns are not) into registers from
     * {@code row} on, in the record's order, leaving out column {@code skip}
     * (or none: -1).
     */
    private static void readColumns(ProgramBuilder b, Table table, int cursor, int row, int skip) {
        int k = 0;
        Integer[] order = java.util.stream.IntStream.range(0, table.columns().size()).boxed()
                .filter(j -> !table.columns().get(j).isVirtual())
                .sorted(java.util.Comparator.comparingInt(table::storageIndex)).toArray(Integer[]::new);
        for (int j : order) {
            if (j == skip) {
                continue;
            }
            if (j == table.rowidAlias()) {
                b.emit(Op.NULL, 0, row + k, 0);
            } else {
                b.emit(Op.COLUMN, cursor, table.storageIndex(j), row + k);
            }
            k++;
        }
    }

    private static void renameSequenceRow(ProgramBuilder b, FunctionRegistry functions, int db, Table sequence,
            String old, String target) {
        int cursor = b.newCursor();
        int wanted = b.newRegister();
        int stored = b.newRegister();
        int same = b.newRegister();
        int rowid = b.newRegister();
        int row = b.newRegisters(2);
        int record = b.newRegister();
        int done = b.newLabel();
        b.emit(Op.OPEN_WRITE, cursor, sequence.rootPage(), db);
        b.comment(Autoincrement.SEQUENCE);
        b.emit(Op.STRING8, 0, wanted, 0, old.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0);
        b.emit(Op.REWIND, cursor, done, 0);
        int loop = b.currentAddress();
        int next = b.newLabel();
        b.emit(Op.COLUMN, cursor, 0, stored);
        b.emit(Op.COMPARE, stored, wanted, same, new turso.vm.Comparison(turso.vm.CompareOp.EQ, Affinity.NONE,
                functions.collation("BINARY")), 0);
        b.emit(Op.IF_NOT, same, next, 1);
        b.emit(Op.ROWID, cursor, rowid, 0);
        b.emit(Op.STRING8, 0, row, 0, target.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0);
        b.emit(Op.COLUMN, cursor, 1, row + 1);
        b.emit(Op.MAKE_RECORD, row, 2, record);
        b.emit(Op.INSERT, cursor, record, rowid);
        b.emit(Op.GOTO, 0, done, 0);
        b.resolve(next);
        b.emit(Op.NEXT, cursor, loop, 0);
        b.resolve(done);
    }

    /** The table that rewritten text defines, or SQLite's error for the statement. */
    private static Table reread(String newSql, Table table, String what, FunctionRegistry functions) {
        try {
            Table t = TableDefinition.read((Stmt.CreateTable) SqlParser.parseOne(newSql), newSql, table.rootPage());
            CreateTableCompiler.validateChecks(t, functions);
            return t;
        } catch (Unsupported e) {
            throw e;
        } catch (TursoException e) {
            throw new TursoException(ResultCode.ERROR, "error in table " + table.name() + " after " + what + ": "
                    + e.getMessage());
        }
    }

    private static void rereadIndex(String indexSql, Table table, String what, String name,
            FunctionRegistry functions) {
        Stmt.CreateIndex ci = (Stmt.CreateIndex) SqlParser.parseOne(indexSql);
        try {
            Index index = IndexDefinition.read(ci, table, 0);
            if (index.where() != null) {
                ProgramBuilder scratch = new ProgramBuilder();
                int values = scratch.newRegisters(table.columns().size());
                IndexMaintenance.rowExpressions(scratch, functions, table, values, scratch.newRegister())
                        .compile(index.where());
            }
        } catch (Unsupported e) {
            throw e;
        } catch (TursoException e) {
            throw new TursoException(ResultCode.ERROR, "error in index " + (name != null ? name : ci.name().name().value())
                    + " after " + what + ": " + e.getMessage());
        }
    }

    /** Whether an added column's DEFAULT is a constant SQLite accepts: a literal, perhaps signed, in parentheses. */
    private static boolean isConstant(Expr e) {
        return switch (e) {
            case Expr.Literal l -> switch (l.kind()) {
                case CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP -> false;
                default -> true;
            };
            case Expr.Unary u when u.op() == Expr.UnaryOp.NEGATE || u.op() == Expr.UnaryOp.PLUS -> isConstant(u.operand());
            case Expr.ColumnRef c -> c.table() == null;
            default -> false;
        };
    }

    /** {@code sql} with each of {@code names} (tokens of it) replaced by what {@code replacement} gives. */
    private static String apply(String sql, List<Name> names, java.util.function.Function<Name, String> replacement) {
        List<Edit> edits = new ArrayList<>();
        for (Name n : names) {
            if (n.span().start() >= 0 && edits.stream().noneMatch(e -> e.start() == n.span().start())) {
                edits.add(new Edit(n.span().start(), n.span().end(), replacement.apply(n)));
            }
        }
        edits.sort(Comparator.comparingInt(Edit::start).reversed());
        StringBuilder s = new StringBuilder(sql);
        for (Edit e : edits) {
            s.replace(e.start(), e.end(), e.text());
        }
        return s.toString();
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
