package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import turso.api.Connection;
import turso.api.Database;

/**
 * json_each and json_tree, the table-valued functions of json1.html: every
 * column (typeof() shows the types), root paths, nested documents,
 * correlated use with the tables before them in FROM, joins, subqueries,
 * aggregates, WHERE on their columns, and their errors. Each query runs
 * here and on real SQLite (sqlite-jdbc) over the same data: same rows, in
 * the same order, or the same error.
 *
 * The id and parent columns, and json_tree's first row under a root path
 * that goes through an array, changed in SQLite 3.45 (ids became offsets in
 * the JSONB form). This engine gives 3.40's, which the queries of
 * {@link #sqlite340} check against the sqlite3 CLI of the test machine
 * (3.40.1), and shows that sqlite-jdbc's differ.
 */
class JsonEachDifferentialTest {

    private static final String SETUP = """
            CREATE TABLE docs(id INTEGER PRIMARY KEY, name TEXT, body TEXT);
            INSERT INTO docs VALUES
              (1, 'array', '[1, 2.5, "three", true, false, null, [4, 5], {"six": 6}]'),
              (2, 'object', '{"a": 1, "b": {"c": [10, 20, {"d": "deep"}]}, "e f": "space", "g\\"h": null, "": 0}'),
              (3, 'scalar', '42'),
              (4, 'string', '"just text"'),
              (5, 'empty array', '[]'),
              (6, 'empty object', '{}'),
              (7, 'null', NULL),
              (8, 'escapes', '{"tab\\t": "a\\nb", "uni\\u00e9": "\\u00e9t\\u00e9", "q": "say \\"hi\\"", "1st": 1, "_u": 2}'),
              (9, 'nested', '{"users": [{"name": "ann", "tags": ["x", "y"], "age": 31}, {"name": "bob", "tags": [], "age": 25}, {"name": "cy", "age": null}]}'),
              (10, 'numbers', '[0, -1, 1e3, 1.5E-2, 9223372036854775807, 9223372036854775808, 12345678901234567890, 0.5]'),
              (11, 'spaced', '  { "k" : [ 1 , { "m" : [ ] } ] }  ');
            CREATE TABLE orders(id INTEGER PRIMARY KEY, customer TEXT, items TEXT);
            INSERT INTO orders VALUES
              (1, 'ann', '[{"sku":"A","qty":2,"price":3.5},{"sku":"B","qty":1,"price":10}]'),
              (2, 'bob', '[{"sku":"A","qty":5,"price":3.5}]'),
              (3, 'cy', '[]'),
              (4, 'dee', NULL);
            CREATE TABLE bad(id INTEGER PRIMARY KEY, body TEXT);
            INSERT INTO bad VALUES (1, '[1,2]'), (2, '{"a":')""";

    /** The columns that SQLite 3.40 and 3.54 agree on. */
    private static final String COLUMNS = "key, value, type, atom, fullkey, path, typeof(key), typeof(value), typeof(atom)";

    static Stream<String> queries() {
        List<String> queries = new ArrayList<>();
        for (int doc = 1; doc <= 11; doc++) {
            queries.add("SELECT " + COLUMNS + " FROM docs, json_each(docs.body) WHERE docs.id = " + doc);
        }
        for (int doc : new int[] {1, 2, 3, 5, 8, 9, 11}) {
            queries.add("SELECT " + COLUMNS + " FROM docs, json_tree(docs.body) WHERE docs.id = " + doc);
        }
        queries.addAll(List.of(
                // root paths
                "SELECT " + COLUMNS + " FROM docs, json_each(body, '$.b') WHERE id = 2",
                "SELECT " + COLUMNS + " FROM docs, json_each(body, '$.b.c') WHERE id = 2",
                "SELECT " + COLUMNS + " FROM docs, json_each(body, '$.b.c[2]') WHERE id = 2",
                "SELECT " + COLUMNS + " FROM docs, json_each(body, '$.b.c[2].d') WHERE id = 2",
                "SELECT " + COLUMNS + " FROM docs, json_each(body, '$.users[0].tags') WHERE id = 9",
                "SELECT " + COLUMNS + " FROM docs, json_each(body, '$.users[#-1]') WHERE id = 9",
                "SELECT " + COLUMNS + " FROM docs, json_each(body, '$.missing') WHERE id = 2",
                "SELECT " + COLUMNS + " FROM docs, json_each(body, '$[6]') WHERE id = 1",
                "SELECT " + COLUMNS + " FROM docs, json_each(body, '$.\"e f\"') WHERE id = 2",
                "SELECT " + COLUMNS + " FROM docs, json_tree(body, '$.b') WHERE id = 2",
                "SELECT " + COLUMNS + " FROM docs, json_tree(body, '$.users') WHERE id = 9",
                "SELECT " + COLUMNS + " FROM json_each('[1,2]', '$')",
                "SELECT json, root FROM json_each('{\"a\":[1]}', '$.a')",
                "SELECT json, root, key FROM json_tree('[7]')",
                "SELECT key, value FROM json_each(NULL)",
                "SELECT key, value FROM json_each('[1]', NULL)",
                "SELECT key, value, type FROM json_each(12)",
                "SELECT key, value, type FROM json_each(1.5)",
                "SELECT count(*) FROM json_each",
                "SELECT rowid, key FROM json_each('[5,6,7]')",
                "SELECT rowid, fullkey FROM json_tree('{\"a\":[5,6]}')",
                // WHERE on the columns
                "SELECT key, value FROM json_each('{\"a\":1,\"b\":2,\"c\":3}') WHERE key = 'b'",
                "SELECT key, value FROM json_each('{\"a\":1,\"b\":2,\"c\":3}') WHERE key <> 'b' ORDER BY key DESC",
                "SELECT key FROM docs, json_each(body) WHERE id = 1 AND type = 'integer'",
                "SELECT key, value FROM json_each('[3, 1, 4, 1, 5, 9, 2, 6]') WHERE value > 3",
                "SELECT key FROM json_each('[1, null, \"x\", [2]]') WHERE atom IS NULL",
                "SELECT key FROM json_each('{\"apple\":1,\"avocado\":2,\"banana\":3}') WHERE key LIKE 'a%'",
                "SELECT fullkey, atom FROM docs, json_tree(body) WHERE id = 9 AND atom IS NOT NULL",
                "SELECT fullkey FROM docs, json_tree(body) WHERE id = 9 AND type = 'object'",
                "SELECT value FROM json_each('[3, 1, 2]') ORDER BY value",
                "SELECT value FROM json_each('[3, 1, 2, 5, 4]') ORDER BY value DESC LIMIT 2 OFFSET 1",
                "SELECT DISTINCT type FROM docs, json_tree(docs.body) ORDER BY type",
                // correlated with the tables before them
                "SELECT o.customer, j.value ->> '$.sku', j.value ->> '$.qty' FROM orders o, json_each(o.items) j ORDER BY 1, 2",
                "SELECT o.customer, count(j.key), sum((j.value ->> '$.qty') * (j.value ->> '$.price')) FROM orders o "
                        + "LEFT JOIN json_each(o.items) j GROUP BY o.customer ORDER BY 1",
                "SELECT o.customer, j.value -> 'sku' FROM orders o JOIN json_each(o.items) AS j ON j.value ->> 'qty' > 1 ORDER BY 1",
                "SELECT d.id, count(*) FROM docs d, json_tree(d.body) GROUP BY d.id ORDER BY d.id",
                "SELECT d.id, e.key FROM docs d, json_each(d.body) e WHERE e.type IN ('array', 'object') ORDER BY 1, 2",
                "SELECT u.value ->> '$.name', t.value FROM docs d, json_each(d.body, '$.users') u, json_each(u.value, '$.tags') t "
                        + "WHERE d.id = 9",
                "SELECT u.value ->> '$.name', t.value FROM docs d JOIN json_each(d.body, '$.users') u "
                        + "LEFT JOIN json_each(u.value, '$.tags') t WHERE d.id = 9",
                "SELECT a.value, b.value FROM json_each('[1,2]') a, json_each('[10,20]') b ORDER BY 1, 2",
                "SELECT a.value, b.key FROM json_each('[\"x\",\"y\"]') a, json_each('{\"x\":1,\"z\":2}') b WHERE a.value = b.key",
                // aggregates, subqueries, CTEs
                "SELECT count(*), sum(value), avg(value), min(value), max(value), total(value) FROM json_each('[1, 2, 3, 4.5]')",
                "SELECT group_concat(key, '|'), group_concat(value, '|') FROM json_each('{\"x\":\"1\",\"y\":2}')",
                "SELECT json_group_array(value) FROM json_each('[1, \"a\", [2], {\"b\":3}, null]')",
                "SELECT json_group_object(key, value) FROM json_each('{\"p\":[1],\"q\":{\"r\":2}}')",
                "SELECT json_array(value) FROM json_each('[[1], {\"a\":2}, \"s\"]')",
                "SELECT type, count(*) FROM docs, json_tree(body) GROUP BY type ORDER BY type",
                "SELECT id, (SELECT count(*) FROM json_each(d.body)) FROM docs d ORDER BY id",
                "SELECT id FROM docs d WHERE EXISTS (SELECT 1 FROM json_each(d.body) WHERE value = 1) ORDER BY id",
                "SELECT id, name FROM docs WHERE id IN (SELECT value FROM json_each('[1, 3, 5, 99]')) ORDER BY id",
                "SELECT * FROM (SELECT key, value FROM json_each('{\"x\":1,\"y\":2}')) ORDER BY key DESC",
                "WITH x(j) AS (SELECT '[1,2,3]') SELECT sum(value) FROM x, json_each(x.j)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
                        + "SELECT count(*), sum(value), max(key) FROM json_each((SELECT json_group_array(i) FROM n))",
                "SELECT count(*), max(length(fullkey)) FROM json_tree('[[[[[[[[[[1]]]]]]]]]]')",
                "SELECT key, value FROM json_each(json_object('a', 1, 'b', json_array(2, 3)))",
                "SELECT e.value FROM json_each('[1,2,3]') e WHERE e.value % 2 = 1 UNION ALL SELECT 'end' ORDER BY 1",
                // errors
                "SELECT * FROM json_each('[1')",
                "SELECT * FROM json_each('{\"a\":}')",
                "SELECT * FROM json_tree('nope')",
                "SELECT b.id, e.value FROM bad b, json_each(b.body) e",
                "SELECT * FROM json_each('[1]', '$', 3)",
                "SELECT * FROM no_such_function('[1]')",
                "SELECT * FROM pragma_table_xinfo('json_tree')",
                "PRAGMA table_info(json_each)",
                "INSERT INTO json_each VALUES (1)",
                "DELETE FROM json_tree",
                "UPDATE json_each SET key = 1"));
        return queries.stream();
    }

    /** The same statements that change data, then the same rows. */
    static Stream<String> writes() {
        return Stream.of("""
                UPDATE docs SET name = (SELECT group_concat(key, ',') FROM json_each(docs.body)) WHERE id IN (2, 8);
                SELECT id, name FROM docs ORDER BY id""", """
                CREATE TABLE kv(k TEXT, v);
                INSERT INTO kv SELECT key, value FROM json_each('{"one":1,"two":[2],"three":"3"}');
                SELECT k, v, typeof(v) FROM kv ORDER BY k""", """
                DELETE FROM docs WHERE id IN (SELECT value FROM json_each('[1, 2, 3]'));
                SELECT id FROM docs ORDER BY id""", """
                CREATE VIEW items AS SELECT o.customer, j.value ->> 'sku' AS sku FROM orders o, json_each(o.items) j;
                SELECT sku, count(*) FROM items GROUP BY sku ORDER BY sku""");
    }

    private static Database db;
    private static Connection turso;
    private static java.sql.Connection sqlite;

    @BeforeAll
    static void open() throws SQLException {
        db = Database.open(":memory:");
        turso = db.connect();
        sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        for (String sql : SETUP.split(";\n")) {
            turso.execute(sql);
            try (var st = sqlite.createStatement()) {
                st.execute(sql);
            }
        }
    }

    @AfterAll
    static void close() throws SQLException {
        turso.close();
        db.close();
        sqlite.close();
    }

    @ParameterizedTest
    @MethodSource("queries")
    void sameAsSqlite(String sql) {
        Differential.Result expected = Differential.sqlite(sqlite, sql);
        Differential.Result actual = Differential.turso(turso, sql);
        assertEquals(expected, actual, sql);
    }

    @ParameterizedTest
    @MethodSource("writes")
    void writesSameAsSqlite(String script) throws SQLException {
        try (Database writeDb = Database.open(":memory:"); Connection t = writeDb.connect();
             java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String sql : (SETUP + ";\n" + script).split(";\n")) {
                assertEquals(Differential.sqlite(s, sql), Differential.turso(t, sql), sql);
            }
        }
    }

    /**
     * id, parent, and json_tree's first row under a root path through an
     * array (3.40 shows every array step above it as [0]), and the message
     * of a malformed root path: the same text as sqlite3 3.40.1 prints in
     * .mode quote, and not what sqlite-jdbc (3.54) gives.
     */
    @ParameterizedTest
    @MethodSource("sqlite340Queries")
    void sqlite340(String sql) {
        String expected = Sqlite340Rows.cli(SETUP + ";\n" + sql + ";\n");
        String actual = Sqlite340Rows.quoted(turso, sql);
        assertEquals(expected, actual, sql);
        assertTrue(!expected.equals(jdbcQuoted(sql)), "3.54 changed this: " + sql);
    }

    static Stream<String> sqlite340Queries() {
        return Stream.of(
                "SELECT * FROM docs, json_each(docs.body) WHERE docs.id = 2",
                "SELECT key, e.id, parent FROM docs, json_each(docs.body) e WHERE docs.id = 8",
                "SELECT * FROM docs, json_tree(docs.body) WHERE docs.id = 2",
                "SELECT key, t.id, parent, fullkey FROM docs d, json_tree(d.body) t WHERE d.id = 9",
                "SELECT key, t.id, parent, fullkey, path FROM docs d, json_tree(d.body) AS t WHERE d.id = 11",
                "SELECT key, id, parent, fullkey, path FROM json_tree('{\"a\":[1,{\"b\":2}]}', '$.a')",
                "SELECT key, fullkey, path FROM json_tree('{\"a\":[1,{\"b\":2}]}', '$.a[1]')",
                "SELECT key, fullkey, path FROM json_tree('[1,[2,3],[4]]', '$[2]')",
                "SELECT key, id, parent FROM json_each('{\"x\":{\"y\":[5]}}', '$.x.y')",
                "SELECT * FROM json_each('[1]', 'x')");
    }

    /** The JSON modules in PRAGMA module_list, as sqlite3 3.40.1 lists them. */
    @Test
    void moduleList() {
        String sql = "SELECT name FROM pragma_module_list WHERE name IN ('json_each', 'json_tree') ORDER BY name";
        assertEquals(Sqlite340Rows.cli(sql + ";\n"), Sqlite340Rows.quoted(turso, sql));
    }

    /** The same rendering of sqlite-jdbc's answer. */
    private static String jdbcQuoted(String sql) {
        Differential.Result r = Differential.sqlite(sqlite, sql);
        if (r.error() != null) {
            return "Error: " + r.error() + "\n";
        }
        StringBuilder out = new StringBuilder();
        for (List<Object> row : r.rows()) {
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                out.append(i == 0 ? "" : ",").append(v == null ? "NULL"
                        : v instanceof String s ? "'" + s.replace("'", "''") + "'" : v.toString());
            }
            out.append('\n');
        }
        return out.toString();
    }

    @Test
    void enoughQueries() {
        assertTrue(queries().count() >= 60, "at least 60 queries compared with sqlite-jdbc");
    }
}
