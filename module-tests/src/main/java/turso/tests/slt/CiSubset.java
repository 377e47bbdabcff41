/*
 * The CI subset of the sqllogictest sample: whole files (a file's records
 * depend on the ones before) chosen to cover every kind of record and the
 * main SQL areas while running in seconds, so it can gate every build:
 * the evidence files (DDL, views, triggers, REPLACE, UPDATE, IN, aggregate
 * functions), select1 (expressions, CASE, subqueries), one indexed-table
 * file and one file of each random/* kind: 53,275 records, 43,635 of them
 * run for SQLite (the rest are skipif sqlite / onlyif others); a few
 * seconds on SQLite. The whole sample is the separate, long run.
 */
package turso.tests.slt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

final class CiSubset {

    /** Paths relative to the sample folder. */
    static final List<String> FILES = List.of(
            "evidence/in1.test",
            "evidence/in2.test",
            "evidence/slt_lang_aggfunc.test",
            "evidence/slt_lang_createtrigger.test",
            "evidence/slt_lang_createview.test",
            "evidence/slt_lang_dropindex.test",
            "evidence/slt_lang_droptable.test",
            "evidence/slt_lang_droptrigger.test",
            "evidence/slt_lang_dropview.test",
            "evidence/slt_lang_reindex.test",
            "evidence/slt_lang_replace.test",
            "evidence/slt_lang_update.test",
            "select1.test",
            "index/random/1000/slt_good_0.test",
            "random/aggregates/slt_good_0.test",
            "random/expr/slt_good_1.test",
            "random/groupby/slt_good_0.test",
            "random/select/slt_good_0.test");

    private CiSubset() {
    }

    /** The subset's files under the sample folder {@code root}; all must exist. */
    static List<Path> files(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : FILES) {
            Path p = root.resolve(name);
            if (!Files.isRegularFile(p)) {
                throw new IOException("file of the CI subset missing: " + p);
            }
            files.add(p);
        }
        return files;
    }
}
