/*
 * The jOOQ example of docs/JDBC.md, as written there (on a file of its own),
 * runs on the module path and gives what real SQLite (sqlite-jdbc) gives.
 */
package turso.tests.jooq;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.using;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcDocExampleTest {

    @TempDir
    Path dir;

    @Test
    void runsAsOnSqlite() throws Exception {
        assertEquals(example("jdbc:sqlite:" + dir.resolve("sqlite.db")),
                example("jdbc:turso:" + dir.resolve("app.db") + "?journal_mode=WAL"));
    }

    /** The example's body, with what it prints returned instead. */
    private static List<String> example(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            DSLContext ctx = using(c, SQLDialect.SQLITE);
            ctx.execute("CREATE TABLE IF NOT EXISTS author(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL)");
            var author = table(name("author"));
            var id = field(name("id"), Integer.class);
            var authorName = field(name("name"), String.class);
            Integer newId = ctx.insertInto(author, authorName).values("Orwell").returningResult(id).fetchOne(id);
            String printed = newId + ": " + ctx.select(authorName).from(author).where(id.eq(newId)).fetchOne(authorName);
            ctx.transaction(cfg -> using(cfg).update(author).set(authorName, "George Orwell").where(id.eq(newId)).execute());
            return List.of(printed, ctx.fetchValue("SELECT name FROM author").toString());
        }
    }
}
