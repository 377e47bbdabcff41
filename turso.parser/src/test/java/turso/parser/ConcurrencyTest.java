/*
 * The parser is used from many connections at once: parsing the valid corpus
 * on several threads at the same time gives the same trees as one thread.
 */
package turso.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import turso.parser.ast.Stmt;

class ConcurrencyTest {

    @Test
    void threadsParseIndependently() throws Exception {
        List<String> corpus = ValidCorpusTest.corpus("valid-statements.sql");
        List<Stmt> expected = new ArrayList<>();
        for (String sql : corpus) {
            expected.add(SqlParser.parseOne(sql));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<List<Stmt>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    List<Stmt> out = new ArrayList<>();
                    for (int round = 0; round < 3; round++) {
                        out.clear();
                        for (String sql : corpus) {
                            out.add(SqlParser.parseOne(sql));
                        }
                    }
                    return out;
                }));
            }
            for (Future<List<Stmt>> f : results) {
                assertEquals(expected, f.get());
            }
        }
    }
}
