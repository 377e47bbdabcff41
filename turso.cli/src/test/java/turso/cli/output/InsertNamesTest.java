/*
 * Which names insert mode double-quotes: every SQLite keyword (any case),
 * words that only look like keywords, names starting with a digit or
 * holding other characters, against sqlite3's insert mode with headers.
 */
package turso.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class InsertNamesTest {

    @Test
    void keywordsAndOddNamesAreQuotedAsSqlite3QuotesThem() throws Exception {
        Assumptions.assumeTrue(SqliteCli.available(), "the sqlite3 program is needed as the reference");
        assertEquals(147, SqlKeywords.all().size());
        List<String> names = new ArrayList<>();
        for (String keyword : SqlKeywords.all().stream().sorted().toList()) {
            names.add(keyword);
            names.add(keyword.toLowerCase(Locale.ROOT));
        }
        names.addAll(List.of("rowid", "oid", "_rowid_", "true", "false", "abortx", "x1", "_", "1x", "a-b", "a$",
                "ünï", "Select", "sElEcT", "CURRENT_dAtE", "STRICT", "WITHOUTROWID"));
        List<String> queries = new ArrayList<>();
        for (int from = 0; from < names.size(); from += 100) {
            List<String> columns = new ArrayList<>();
            for (String name : names.subList(from, Math.min(names.size(), from + 100))) {
                columns.add("1 AS \"" + name + "\"");
            }
            queries.add("SELECT " + String.join(", ", columns));
        }
        StringBuilder script = new StringBuilder(".mode insert t\n.headers on\n");
        for (String query : queries) {
            script.append(query).append(";\n");
        }
        SqliteCli.Output reference = SqliteCli.run(List.of("-batch"), script.toString());
        assertEquals("", reference.stderr());
        OutputSettings settings = DotCommands.settings(List.of(".mode insert t", ".headers on"));
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String query : queries) {
                ResultPrinter.print(new JdbcRowSource(connection, query), settings, actual);
            }
        }
        assertEquals(OutputModesDifferentialTest.visible(reference.stdout()),
                OutputModesDifferentialTest.visible(actual.toByteArray()));
    }
}
