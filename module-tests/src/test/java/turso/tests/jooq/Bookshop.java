/*
 * The schema the jOOQ tests share (a small bookshop with foreign keys, unique
 * keys, CHECKs, a view, AUTOINCREMENT, WITHOUT ROWID tables and generated
 * columns), the connections to a copy of it on this engine and on real SQLite
 * (sqlite-jdbc), and jOOQ's code generator run over such a connection.
 */
package turso.tests.jooq;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Target;

final class Bookshop {
    private Bookshop() {
    }

    /** The package the generated classes are in. */
    static final String PACKAGE = "turso.tests.jooq.generated";

    /** Tables this engine creates and writes: the DSL suite runs over them. */
    static final String SCHEMA = """
            CREATE TABLE author (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              first_name VARCHAR(50) NOT NULL,
              last_name VARCHAR(50) NOT NULL,
              date_of_birth DATE,
              email TEXT UNIQUE,
              active BOOLEAN NOT NULL DEFAULT 1,
              CONSTRAINT ck_first_name CHECK (length(first_name) > 0)
            );
            CREATE TABLE book (
              id INTEGER PRIMARY KEY,
              author_id INTEGER NOT NULL REFERENCES author(id) ON DELETE CASCADE,
              co_author_id INTEGER REFERENCES author (id),
              title TEXT NOT NULL,
              published_in INTEGER NOT NULL CHECK (published_in > 0),
              price DECIMAL(10, 2),
              language_code CHAR(2) NOT NULL DEFAULT 'en',
              created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
              attributes JSON,
              CONSTRAINT uk_book_title UNIQUE (author_id, title)
            );
            CREATE TABLE sale (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              book_id INTEGER NOT NULL REFERENCES book(id),
              sold_on DATE NOT NULL,
              sold_at DATETIME,
              quantity INTEGER NOT NULL,
              unit_price REAL NOT NULL,
              note BLOB
            );
            CREATE TABLE tag (
              book_id BIGINT NOT NULL REFERENCES book(id),
              tag VARCHAR(20) NOT NULL COLLATE NOCASE,
              weight DOUBLE DEFAULT 1.0,
              UNIQUE (book_id, tag)
            );
            CREATE TABLE sale_line (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              sale_id INTEGER NOT NULL REFERENCES sale(id),
              quantity INTEGER NOT NULL,
              unit_price REAL NOT NULL,
              total REAL GENERATED ALWAYS AS (quantity * unit_price) STORED,
              label TEXT AS ('x' || quantity) VIRTUAL,
              dozens INTEGER GENERATED ALWAYS AS (quantity / 12)
            );
            CREATE INDEX idx_book_title ON book(title);
            CREATE UNIQUE INDEX idx_author_name ON author(last_name, first_name);
            CREATE INDEX idx_sale_day ON sale(sold_on DESC, book_id);
            CREATE VIEW v_author_books AS
              SELECT a.id AS author_id, a.first_name || ' ' || a.last_name AS name, count(b.id) AS books
              FROM author a LEFT JOIN book b ON b.author_id = a.id
              GROUP BY a.id;
            INSERT INTO author (first_name, last_name, date_of_birth) VALUES ('George', 'Orwell', '1903-06-25');
            DELETE FROM author;
            """;

    /** WITHOUT ROWID tables, one with a foreign key to another. */
    static final String WITHOUT_ROWID_SCHEMA = """
            CREATE TABLE book_store (
              name TEXT PRIMARY KEY,
              city TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE book_to_book_store (
              book_store_name TEXT NOT NULL REFERENCES book_store(name) ON UPDATE CASCADE,
              book_id INTEGER NOT NULL,
              stock INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
              PRIMARY KEY (book_store_name, book_id),
              CONSTRAINT fk_b2bs_book FOREIGN KEY (book_id) REFERENCES book (id) ON DELETE CASCADE
            ) WITHOUT ROWID;
            """;

    static Connection turso(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:turso:" + file);
    }

    static Connection sqlite(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    /** Runs a script (statements ending a line with ';') through the connection, one statement at a time. */
    static void run(Connection c, String script) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : script.split(";\n")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
    }

    /** Runs jOOQ's code generator for SQLite over the connection, writing the sources under {@code dir}. */
    static void generate(Connection c, Path dir) throws Exception {
        generate(c, dir, true);
    }

    /** As {@link #generate(Connection, Path)}, with or without POJOs. */
    static void generate(Connection c, Path dir, boolean pojos) throws Exception {
        Files.createDirectories(dir);
        Configuration configuration = new Configuration()
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.sqlite.SQLiteDatabase")
                                .withIncludes(".*")
                                .withExcludes("sqlite_.*"))
                        .withGenerate(new Generate()
                                .withPojos(pojos)
                                .withJavaTimeTypes(true))
                        .withTarget(new Target()
                                .withPackageName(PACKAGE)
                                .withDirectory(dir.toString())
                                .withClean(true)));
        GenerationTool tool = new GenerationTool();
        tool.setConnection(c);
        tool.run(configuration);
    }
}
