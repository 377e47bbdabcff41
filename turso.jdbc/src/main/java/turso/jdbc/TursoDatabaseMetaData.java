/*
 * DatabaseMetaData, answered the way sqlite-jdbc answers it (so that tools
 * which know SQLite, such as jOOQ, find what they expect): product "SQLite"
 * with the SQLite version the engine reports through sqlite_version(), no
 * catalogs or schemas, '"' for identifiers. Tables come from sqlite_schema (and
 * sqlite_temp_schema: the TEMP ones, typed GLOBAL TEMPORARY);
 * columns, keys and indexes from the pragma_table_info,
 * pragma_foreign_key_list, pragma_index_list and pragma_index_info
 * table-valued functions, read here and shaped into the JDBC result columns.
 */
package turso.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.Value;

final class TursoDatabaseMetaData implements DatabaseMetaData {

    private static final int UNKNOWN_SIZE = 2_000_000_000;

    private final TursoConnection connection;

    TursoDatabaseMetaData(TursoConnection connection) {
        this.connection = connection;
    }

    // Reading the engine.

    /** Runs a query with text parameters and returns its rows as values. */
    private List<Value[]> query(String sql, String... args) throws SQLException {
        try (TursoConnection.Use u = connection.use(); turso.api.Statement s = connection.engine().prepare(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.bindText(i + 1, args[i]);
            }
            List<Value[]> rows = new ArrayList<>();
            while (s.step()) {
                Value[] row = new Value[s.columnCount()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = s.columnValue(c);
                }
                rows.add(row);
            }
            return rows;
        } catch (TursoException e) {
            throw SqlErrors.of(e, false);
        }
    }

    private static String text(Value v) {
        return switch (v) {
            case Value.Text t -> t.value();
            case Value.Int i -> Long.toString(i.value());
            case Value.Real r -> Double.toString(r.value());
            case Value.Blob b -> new String(b.value(), java.nio.charset.StandardCharsets.UTF_8);
            case Value.Null n -> null;
        };
    }

    private static long integer(Value v) {
        return switch (v) {
            case Value.Int i -> i.value();
            case Value.Real r -> (long) r.value();
            case Value.Text t -> Long.parseLong(t.value().trim());
            default -> 0;
        };
    }

    private static ResultSet result(List<String> columns, List<Value[]> rows) {
        return new TursoResultSet(null, new ListRows(columns, rows), 0);
    }

    private static ResultSet empty(String... columns) {
        return result(List.of(columns), List.of());
    }

    private static Value t(String s) {
        return Value.of(s);
    }

    private static Value i(long v) {
        return Value.of(v);
    }

    private static final Value NULL = Value.NULL;

    /** A JDBC search pattern (% and _, escaped by \) as SQLite's LIKE reads it: ASCII case-insensitive. */
    private static Pattern pattern(String jdbcPattern) {
        if (jdbcPattern == null) {
            return Pattern.compile(".*", Pattern.DOTALL);
        }
        StringBuilder re = new StringBuilder();
        for (int k = 0; k < jdbcPattern.length(); k++) {
            char ch = jdbcPattern.charAt(k);
            if (ch == '\\' && k + 1 < jdbcPattern.length()) {
                re.append(Pattern.quote(String.valueOf(jdbcPattern.charAt(++k))));
            } else if (ch == '%') {
                re.append(".*");
            } else if (ch == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    /** Tables and views: name, JDBC table type, CREATE text. */
    private record Table(String name, String type, String sql) {
    }

    private List<Table> tables(String namePattern) throws SQLException {
        Pattern p = pattern(namePattern);
        List<Table> tables = new ArrayList<>();
        if (p.matcher("sqlite_schema").matches()) {
            tables.add(new Table("sqlite_schema", "SYSTEM TABLE", null));
        }
        for (Value[] r : query("SELECT name, type, sql FROM sqlite_master WHERE type IN ('table', 'view')")) {
            String name = text(r[0]);
            if (p.matcher(name).matches()) {
                String type = name.startsWith("sqlite_") ? "SYSTEM TABLE" : text(r[1]).toUpperCase(Locale.ROOT);
                tables.add(new Table(name, type, text(r[2])));
            }
        }
        for (Value[] r : query("SELECT name, sql FROM sqlite_temp_master WHERE type IN ('table', 'view')")) {
            String name = text(r[0]);
            if (p.matcher(name).matches()) {
                tables.add(new Table(name, "GLOBAL TEMPORARY", text(r[1])));
            }
        }
        tables.sort(Comparator.comparing(Table::type).thenComparing(Table::name));
        return tables;
    }

    private Table table(String name) throws SQLException {
        for (Table t : tables(null)) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }

    /** One row of pragma_table_info. */
    private record Column(int cid, String name, String type, boolean notNull, String defaultValue, int pk) {
    }

    private List<Column> columns(String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        for (Value[] r : query("SELECT cid, name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)", table)) {
            String type = text(r[2]);
            columns.add(new Column((int) integer(r[0]), text(r[1]), type == null ? "" : type,
                    integer(r[3]) != 0, text(r[4]), (int) integer(r[5])));
        }
        return columns;
    }

    /** One column pair of a foreign key (pragma_foreign_key_list), the referenced column resolved. */
    private record ForeignKey(String fromTable, int id, int seq, String toTable, String from, String to,
            String onUpdate, String onDelete, String name) {
    }

    private List<ForeignKey> foreignKeys(String table) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        List<Value[]> rows = query("SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete "
                + "FROM pragma_foreign_key_list(?) ORDER BY id, seq", table);
        Table declared = table(table);
        List<ForeignKeyNames.Named> named = ForeignKeyNames.of(declared == null ? null : declared.sql());
        java.util.Map<Long, List<String>> childColumns = new java.util.HashMap<>();
        for (Value[] r : rows) {
            childColumns.computeIfAbsent(integer(r[0]), id -> new ArrayList<>()).add(text(r[3]));
        }
        for (Value[] r : rows) {
            String target = text(r[2]);
            String to = text(r[4]);
            int seq = (int) integer(r[1]);
            if (to == null) {
                List<Column> pk = columns(target).stream().filter(c -> c.pk() > 0)
                        .sorted(Comparator.comparingInt(Column::pk)).toList();
                to = seq < pk.size() ? pk.get(seq).name() : null;
            }
            keys.add(new ForeignKey(table, (int) integer(r[0]), seq, target, text(r[3]), to,
                    text(r[5]), text(r[6]), ForeignKeyNames.nameOf(named, childColumns.get(integer(r[0])))));
        }
        return keys;
    }

    private static int rule(String action) {
        return switch (action == null ? "" : action.toUpperCase(Locale.ROOT)) {
            case "CASCADE" -> importedKeyCascade;
            case "RESTRICT" -> importedKeyRestrict;
            case "SET NULL" -> importedKeySetNull;
            case "SET DEFAULT" -> importedKeySetDefault;
            default -> importedKeyNoAction;
        };
    }

    private static final List<String> KEY_COLUMNS = List.of("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME",
            "PKCOLUMN_NAME", "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ",
            "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY");

    private static Value[] keyRow(ForeignKey k) {
        return new Value[] {NULL, NULL, t(k.toTable()), t(k.to()), NULL, NULL, t(k.fromTable()), t(k.from()),
            i(k.seq() + 1), i(rule(k.onUpdate())), i(rule(k.onDelete())), k.name() == null ? NULL : t(k.name()), NULL,
            i(importedKeyNotDeferrable)};
    }

    // Tables, columns, keys, indexes.

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        List<String> wanted = types == null ? null : Arrays.stream(types).map(s -> s.toUpperCase(Locale.ROOT)).toList();
        List<Value[]> rows = new ArrayList<>();
        for (Table table : tables(tableNamePattern)) {
            if (wanted == null || wanted.contains(table.type())) {
                rows.add(new Value[] {NULL, NULL, t(table.name()), t(table.type()), NULL, NULL, NULL, NULL, NULL, NULL});
            }
        }
        return result(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS", "TYPE_CAT",
                "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION"), rows);
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) throws SQLException {
        Pattern columnPattern = pattern(columnNamePattern);
        List<Table> tables = new ArrayList<>(tables(tableNamePattern));
        tables.sort(Comparator.comparing(Table::name));
        List<Value[]> rows = new ArrayList<>();
        for (Table table : tables) {
            boolean autoincrement = table.sql() != null
                    && table.sql().toUpperCase(Locale.ROOT).contains("AUTOINCREMENT");
            for (Column c : columns(table.name())) {
                if (!columnPattern.matcher(c.name()).matches()) {
                    continue;
                }
                int size = DeclaredTypes.sizeArgument(c.type(), 0);
                boolean auto = autoincrement && c.pk() > 0 && DeclaredTypes.baseName(c.type()).equals("INTEGER");
                rows.add(new Value[] {NULL, NULL, t(table.name()), t(c.name()), i(DeclaredTypes.jdbcType(c.type())),
                    t(DeclaredTypes.baseName(c.type())), i(size > 0 ? size : UNKNOWN_SIZE), i(UNKNOWN_SIZE),
                    i(DeclaredTypes.sizeArgument(c.type(), 1)), i(10), i(c.notNull() ? columnNoNulls : columnNullable),
                    NULL, t(c.defaultValue()), i(0), i(0), i(UNKNOWN_SIZE), i(c.cid() + 1),
                    t(c.notNull() ? "NO" : "YES"), NULL, NULL, NULL, NULL, t(auto ? "YES" : "NO"), t("NO")});
            }
        }
        return result(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME",
                "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS",
                "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION",
                "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE",
                "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN"), rows);
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        List<Value[]> rows = new ArrayList<>();
        Table t = table(table);
        if (t != null) {
            columns(t.name()).stream().filter(c -> c.pk() > 0).sorted(Comparator.comparingInt(Column::pk))
                    .forEach(c -> rows.add(new Value[] {NULL, NULL, t(t.name()), t(c.name()), i(c.pk()), NULL}));
        }
        return result(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"), rows);
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        Table t = table(table);
        if (t != null) {
            keys.addAll(foreignKeys(t.name()));
        }
        keys.sort(Comparator.comparing(ForeignKey::toTable).thenComparingInt(ForeignKey::seq));
        return result(KEY_COLUMNS, keys.stream().map(TursoDatabaseMetaData::keyRow).toList());
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        for (Table t : tables(null)) {
            if (t.type().equals("TABLE")) {
                for (ForeignKey k : foreignKeys(t.name())) {
                    if (k.toTable().equalsIgnoreCase(table)) {
                        keys.add(k);
                    }
                }
            }
        }
        keys.sort(Comparator.comparing(ForeignKey::fromTable).thenComparingInt(ForeignKey::seq));
        return result(KEY_COLUMNS, keys.stream().map(TursoDatabaseMetaData::keyRow).toList());
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
            String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        Table t = table(foreignTable);
        if (t != null) {
            for (ForeignKey k : foreignKeys(t.name())) {
                if (k.toTable().equalsIgnoreCase(parentTable)) {
                    keys.add(k);
                }
            }
        }
        return result(KEY_COLUMNS, keys.stream().map(TursoDatabaseMetaData::keyRow).toList());
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        List<Value[]> rows = new ArrayList<>();
        Table t = table(table);
        if (t != null) {
            List<Value[]> indexes = query("SELECT name, \"unique\" FROM pragma_index_list(?)", t.name());
            indexes.sort(Comparator.comparing((Value[] r) -> integer(r[1]) == 0).thenComparing(r -> text(r[0])));
            for (Value[] index : indexes) {
                boolean isUnique = integer(index[1]) != 0;
                if (unique && !isUnique) {
                    continue;
                }
                for (Value[] col : query("SELECT seqno, name FROM pragma_index_info(?) ORDER BY seqno", text(index[0]))) {
                    rows.add(new Value[] {NULL, NULL, t(t.name()), i(isUnique ? 0 : 1), NULL, index[0],
                        i(tableIndexOther), i(integer(col[0]) + 1), col[1], NULL, i(0), i(0), NULL});
                }
            }
        }
        return result(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE", "INDEX_QUALIFIER",
                "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY", "PAGES",
                "FILTER_CONDITION"), rows);
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        List<Value[]> rows = new ArrayList<>();
        Object[][] types = {{"NULL", Types.NULL, 0, 1}, {"INTEGER", Types.INTEGER, 0, 0}, {"REAL", Types.REAL, 0, 0},
            {"TEXT", Types.VARCHAR, 1, 1}, {"BLOB", Types.BLOB, 0, 1}};
        for (Object[] type : types) {
            boolean integer = type[0].equals("INTEGER");
            rows.add(new Value[] {t((String) type[0]), i((Integer) type[1]), i(0), NULL, NULL, NULL,
                i(typeNullable), i((Integer) type[2]), i(typeSearchable), i((Integer) type[3]), i(0),
                i(integer ? 1 : 0), NULL, i(0), i(0), i(0), i(0), i(10)});
        }
        return result(List.of("TYPE_NAME", "DATA_TYPE", "PRECISION", "LITERAL_PREFIX", "LITERAL_SUFFIX",
                "CREATE_PARAMS", "NULLABLE", "CASE_SENSITIVE", "SEARCHABLE", "UNSIGNED_ATTRIBUTE",
                "FIXED_PREC_SCALE", "AUTO_INCREMENT", "LOCAL_TYPE_NAME", "MINIMUM_SCALE", "MAXIMUM_SCALE",
                "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "NUM_PREC_RADIX"), rows);
    }

    @Override
    public ResultSet getTableTypes() {
        return result(List.of("TABLE_TYPE"), List.of(new Value[] {t("GLOBAL TEMPORARY")},
                new Value[] {t("SYSTEM TABLE")}, new Value[] {t("TABLE")}, new Value[] {t("VIEW")}));
    }

    @Override
    public ResultSet getSchemas() {
        return empty("TABLE_SCHEM", "TABLE_CATALOG");
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) {
        return getSchemas();
    }

    @Override
    public ResultSet getCatalogs() {
        return empty("TABLE_CAT");
    }

    // What SQLite has none of: empty answers with the columns JDBC names.

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) {
        return empty("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "UNDEF1", "UNDEF2", "UNDEF3",
                "REMARKS", "PROCEDURE_TYPE", "SPECIFIC_NAME");
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
            String columnNamePattern) {
        return empty("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "COLUMN_NAME", "COLUMN_TYPE",
                "DATA_TYPE", "TYPE_NAME", "PRECISION", "LENGTH", "SCALE", "RADIX", "NULLABLE", "REMARKS",
                "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION",
                "IS_NULLABLE", "SPECIFIC_NAME");
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern) {
        return empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE",
                "IS_GRANTABLE");
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern) {
        return empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE", "IS_GRANTABLE");
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable) {
        return empty("SCOPE", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH",
                "DECIMAL_DIGITS", "PSEUDO_COLUMN");
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) {
        return empty("SCOPE", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH",
                "DECIMAL_DIGITS", "PSEUDO_COLUMN");
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) {
        return empty("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "CLASS_NAME", "DATA_TYPE", "REMARKS", "BASE_TYPE");
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) {
        return empty("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SUPERTYPE_CAT", "SUPERTYPE_SCHEM", "SUPERTYPE_NAME");
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) {
        return empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "SUPERTABLE_NAME");
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
            String attributeNamePattern) {
        return empty("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "ATTR_NAME", "DATA_TYPE", "ATTR_TYPE_NAME",
                "ATTR_SIZE", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS", "ATTR_DEF", "SQL_DATA_TYPE",
                "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE", "SCOPE_CATALOG",
                "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE");
    }

    @Override
    public ResultSet getClientInfoProperties() {
        return empty("NAME", "MAX_LEN", "DEFAULT_VALUE", "DESCRIPTION");
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) {
        return empty("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "REMARKS", "FUNCTION_TYPE", "SPECIFIC_NAME");
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
            String columnNamePattern) {
        return empty("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "COLUMN_NAME", "COLUMN_TYPE", "DATA_TYPE",
                "TYPE_NAME", "PRECISION", "LENGTH", "SCALE", "RADIX", "NULLABLE", "REMARKS", "CHAR_OCTET_LENGTH",
                "ORDINAL_POSITION", "IS_NULLABLE", "SPECIFIC_NAME");
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) {
        return empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "COLUMN_SIZE",
                "DECIMAL_DIGITS", "NUM_PREC_RADIX", "COLUMN_USAGE", "REMARKS", "CHAR_OCTET_LENGTH", "IS_NULLABLE");
    }

    // The product, the driver, and SQLite's dialect.

    @Override
    public String getDatabaseProductName() {
        return "SQLite";
    }

    @Override
    public String getDatabaseProductVersion() throws SQLException {
        return text(query("SELECT sqlite_version()").get(0)[0]);
    }

    private int versionPart(int index) throws SQLException {
        String[] parts = getDatabaseProductVersion().split("\\.");
        return index < parts.length ? Integer.parseInt(parts[index]) : 0;
    }

    @Override
    public int getDatabaseMajorVersion() throws SQLException {
        return versionPart(0);
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
        return versionPart(1);
    }

    @Override
    public String getDriverName() {
        return TursoDriver.NAME;
    }

    @Override
    public String getDriverVersion() {
        return TursoDriver.VERSION;
    }

    @Override
    public int getDriverMajorVersion() {
        return TursoDriver.MAJOR_VERSION;
    }

    @Override
    public int getDriverMinorVersion() {
        return TursoDriver.MINOR_VERSION;
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 2;
    }

    @Override
    public String getURL() {
        return connection.config().url();
    }

    @Override
    public String getUserName() {
        return null;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public String getIdentifierQuoteString() {
        return "\"";
    }

    @Override
    public String getSQLKeywords() {
        return "ABORT,ACTION,AFTER,ANALYZE,ATTACH,AUTOINCREMENT,BEFORE,CASCADE,CONFLICT,DATABASE,DEFERRABLE,"
                + "DEFERRED,DESC,DETACH,EXCLUSIVE,EXPLAIN,FAIL,GLOB,IGNORE,INDEX,INDEXED,INITIALLY,INSTEAD,ISNULL,"
                + "KEY,LIMIT,NOTNULL,OFFSET,PLAN,PRAGMA,QUERY,RAISE,REGEXP,REINDEX,RENAME,REPLACE,RESTRICT,TEMP,"
                + "TEMPORARY,TRANSACTION,VACUUM,VIEW,VIRTUAL";
    }

    @Override
    public String getNumericFunctions() {
        return "ABS,ACOS,ASIN,ATAN,ATAN2,CEIL,COS,DEGREES,EXP,FLOOR,LN,LOG,LOG10,MOD,PI,POWER,RADIANS,RANDOM,"
                + "ROUND,SIGN,SIN,SQRT,TAN,TRUNC";
    }

    @Override
    public String getStringFunctions() {
        return "CHAR,GLOB,HEX,INSTR,LENGTH,LIKE,LOWER,LTRIM,PRINTF,QUOTE,REPLACE,RTRIM,SUBSTR,TRIM,UNICODE,UPPER";
    }

    @Override
    public String getSystemFunctions() {
        return "CHANGES,COALESCE,IFNULL,LAST_INSERT_ROWID,NULLIF,SQLITE_VERSION,TOTAL_CHANGES,TYPEOF";
    }

    @Override
    public String getTimeDateFunctions() {
        return "DATE,TIME,DATETIME,JULIANDAY,STRFTIME";
    }

    @Override
    public String getSearchStringEscape() {
        return "\\";
    }

    @Override
    public String getExtraNameCharacters() {
        return "";
    }

    @Override
    public String getSchemaTerm() {
        return "schema";
    }

    @Override
    public String getProcedureTerm() {
        return "procedure";
    }

    @Override
    public String getCatalogTerm() {
        return "catalog";
    }

    @Override
    public String getCatalogSeparator() {
        return ".";
    }

    @Override
    public int getMaxBinaryLiteralLength() {
        return 0;
    }

    @Override
    public int getMaxCharLiteralLength() {
        return 0;
    }

    @Override
    public int getMaxColumnNameLength() {
        return 0;
    }

    @Override
    public int getMaxColumnsInGroupBy() {
        return 0;
    }

    @Override
    public int getMaxColumnsInIndex() {
        return 0;
    }

    @Override
    public int getMaxColumnsInOrderBy() {
        return 0;
    }

    @Override
    public int getMaxColumnsInSelect() {
        return 0;
    }

    @Override
    public int getMaxColumnsInTable() {
        return 0;
    }

    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public int getMaxCursorNameLength() {
        return 0;
    }

    @Override
    public int getMaxIndexLength() {
        return 0;
    }

    @Override
    public int getMaxSchemaNameLength() {
        return 0;
    }

    @Override
    public int getMaxProcedureNameLength() {
        return 0;
    }

    @Override
    public int getMaxCatalogNameLength() {
        return 0;
    }

    @Override
    public int getMaxRowSize() {
        return 0;
    }

    @Override
    public int getMaxStatementLength() {
        return 0;
    }

    @Override
    public int getMaxStatements() {
        return 0;
    }

    @Override
    public int getMaxTableNameLength() {
        return 0;
    }

    @Override
    public int getMaxTablesInSelect() {
        return 0;
    }

    @Override
    public int getMaxUserNameLength() {
        return 0;
    }

    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_SERIALIZABLE;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getSQLStateType() {
        return sqlStateSQL;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlErrors.driver(ResultCode.MISUSE, "not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    // Yes/no questions.

    @Override
    public boolean allProceduresAreCallable() throws SQLException {
        return false;
    }

    @Override
    public boolean allTablesAreSelectable() throws SQLException {
        return true;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    @Override
    public boolean nullsAreSortedHigh() throws SQLException {
        return true;
    }

    @Override
    public boolean nullsAreSortedLow() throws SQLException {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtStart() throws SQLException {
        return true;
    }

    @Override
    public boolean nullsAreSortedAtEnd() throws SQLException {
        return false;
    }

    @Override
    public boolean usesLocalFiles() throws SQLException {
        return true;
    }

    @Override
    public boolean usesLocalFilePerTable() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsColumnAliasing() throws SQLException {
        return true;
    }

    @Override
    public boolean nullPlusNonNullIsNull() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsConvert() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsConvert(int fromType, int toType) throws SQLException {
        return false;
    }

    @Override
    public boolean supportsTableCorrelationNames() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsExpressionsInOrderBy() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsOrderByUnrelated() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsGroupBy() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsGroupByUnrelated() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsGroupByBeyondSelect() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsLikeEscapeClause() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsMultipleResultSets() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsMultipleTransactions() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsNonNullableColumns() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsMinimumSQLGrammar() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsCoreSQLGrammar() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsExtendedSQLGrammar() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsOuterJoins() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsFullOuterJoins() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsLimitedOuterJoins() throws SQLException {
        return true;
    }

    @Override
    public boolean isCatalogAtStart() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsSchemasInDataManipulation() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsPositionedDelete() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsPositionedUpdate() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsSelectForUpdate() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsStoredProcedures() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsSubqueriesInComparisons() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInExists() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInIns() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsCorrelatedSubqueries() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsUnion() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsUnionAll() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
        return false;
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsTransactions() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) throws SQLException {
        return level == java.sql.Connection.TRANSACTION_SERIALIZABLE || level == java.sql.Connection.TRANSACTION_READ_UNCOMMITTED;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
        return false;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsResultSetType(int type) throws SQLException {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) throws SQLException {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean ownUpdatesAreVisible(int type) throws SQLException {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int type) throws SQLException {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int type) throws SQLException {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int type) throws SQLException {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int type) throws SQLException {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int type) throws SQLException {
        return false;
    }

    @Override
    public boolean updatesAreDetected(int type) throws SQLException {
        return false;
    }

    @Override
    public boolean deletesAreDetected(int type) throws SQLException {
        return false;
    }

    @Override
    public boolean insertsAreDetected(int type) throws SQLException {
        return false;
    }

    @Override
    public boolean supportsBatchUpdates() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsSavepoints() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsNamedParameters() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsMultipleOpenResults() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsGetGeneratedKeys() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) throws SQLException {
        return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public boolean locatorsUpdateCopy() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsStatementPooling() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
        return false;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
        return false;
    }

    @Override
    public boolean generatedKeyAlwaysReturned() throws SQLException {
        return false;
    }
}
