/*
 * The workloads of issue 10 as the profiling harness runs them, each one
 * operation of a benchmark: bulk inserts of 10 000 rows (plain and with two
 * indexes), point selects by rowid and by index, a 100-row range by index,
 * a scan with SUM/COUNT and a WHERE (and one shaped as workload 6: an integer
 * BETWEEN), GROUP BY into 1 000 groups, a join on an indexed key (by rowid,
 * and through an index made by the workload itself), ORDER BY ... LIMIT 10,
 * a 1-row UPDATE per transaction, and
 * opening a database of 10 000 tables with a first query. The data is loaded
 * on construction; keys come from a fixed-seed xorshift so engines see the
 * same sequence.
 */
package turso.bench.profile;

import java.nio.file.Path;
import java.util.List;

final class Workloads {

    static final List<String> NAMES = List.of("bulk", "bulk2idx", "pointRowid", "pointIndex", "range100",
            "scanSum", "scanBetween", "groupBy", "join", "joinAll", "topN", "update1", "open10k", "joinIndex");

    private static final int BULK = 10_000;
    private static final int CITIES = 1_000;
    private static final int WIDE = 10_000;

    private final Db db;
    private final int n;
    private final Path wideDir;
    private long state = 0x9E3779B97F4A7C15L;
    private boolean wideBuilt;

    Workloads(Db db, int n, Path wideDir) {
        this.db = db;
        this.n = n;
        this.wideDir = wideDir;
        load();
    }

    private long key(long bound) {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        return Math.floorMod(state, bound) + 1;
    }

    private void load() {
        db.exec("CREATE TABLE cities (id INTEGER PRIMARY KEY, name TEXT, country INTEGER)");
        db.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, score INTEGER, balance REAL, city_id INTEGER)");
        db.exec("BEGIN");
        Db.Q c = db.prepare("INSERT INTO cities VALUES (?, ?, ?)");
        for (int id = 1; id <= CITIES; id++) {
            c.bindLong(1, id);
            c.bindText(2, "city " + id);
            c.bindLong(3, id % 50);
            c.update();
        }
        Db.Q u = db.prepare("INSERT INTO users VALUES (?, ?, ?, ?, ?)");
        for (long id = 1; id <= n; id++) {
            u.bindLong(1, id);
            u.bindText(2, "user" + id + "@example.com");
            u.bindLong(3, id * 7_919 % n);
            u.bindDouble(4, (id * 31 % n) / 4.0);
            u.bindLong(5, id % CITIES + 1);
            u.update();
        }
        db.exec("COMMIT");
        db.exec("CREATE INDEX users_email ON users (email)");
        db.exec("CREATE INDEX users_score ON users (score)");
    }

    Runnable op(String name) {
        return switch (name) {
            case "bulk" -> bulk(false);
            case "bulk2idx" -> bulk(true);
            case "pointRowid" -> {
                Db.Q q = db.prepare("SELECT id, email, score, balance, city_id FROM users WHERE id = ?");
                yield () -> {
                    q.bindLong(1, key(n));
                    q.checksum();
                };
            }
            case "pointIndex" -> {
                Db.Q q = db.prepare("SELECT id, email, score, balance FROM users WHERE email = ?");
                yield () -> {
                    q.bindText(1, "user" + key(n) + "@example.com");
                    q.checksum();
                };
            }
            case "range100" -> between("SELECT id, email, score FROM users WHERE score BETWEEN ? AND ?", n - 100, 100);
            case "scanSum" -> {
                Db.Q q = db.prepare("SELECT count(*), sum(score), sum(balance) FROM users WHERE balance >= ?");
                yield () -> {
                    q.bindDouble(1, key(n / 4));
                    q.checksum();
                };
            }
            case "scanBetween" -> {
                // workload 6's shape: an integer BETWEEN keeping a tenth of the rows, a SUM of a real and of an integer
                yield between("SELECT count(*), sum(balance), sum(score) FROM users WHERE city_id BETWEEN ? AND ?",
                        CITIES - 99, 100);
            }
            case "groupBy" -> {
                Db.Q q = db.prepare("SELECT city_id, count(*), sum(balance) FROM users GROUP BY city_id");
                yield q::checksum;
            }
            case "join" -> between("SELECT u.id, u.email, c.name FROM users u JOIN cities c ON c.id = u.city_id"
                    + " WHERE u.id BETWEEN ? AND ?", n - 1000, 1000);
            case "joinIndex" -> {
                // workload 8's shape: few rows of the small table, each joined through an index to rows of the
                // large one at scattered rowids (the index is made here, and this workload runs last in NAMES'
                // order, so that the other workloads keep their plans)
                db.exec("CREATE INDEX IF NOT EXISTS users_city ON users (city_id)");
                yield between("SELECT c.id, c.name, u.id, u.balance FROM cities c JOIN users u ON u.city_id = c.id"
                        + " WHERE c.id BETWEEN ? AND ?", CITIES - 1, 2);
            }
            case "joinAll" -> {
                Db.Q q = db.prepare("SELECT count(*), sum(c.country) FROM users u JOIN cities c ON c.id = u.city_id");
                yield q::checksum;
            }
            case "topN" -> {
                Db.Q q = db.prepare("SELECT id, email, balance FROM users ORDER BY balance DESC LIMIT 10");
                yield q::checksum;
            }
            case "update1" -> {
                Db.Q q = db.prepare("UPDATE users SET balance = balance + 1 WHERE id = ?");
                yield () -> {
                    q.bindLong(1, key(n));
                    q.update();
                };
            }
            case "open10k" -> open10k();
            default -> throw new IllegalArgumentException("unknown workload " + name + "; one of " + NAMES);
        };
    }

    /** {@code sql} with ?1..?2 a range of {@code width} keys starting at a random key of 1..{@code bound}. */
    private Runnable between(String sql, long bound, int width) {
        Db.Q q = db.prepare(sql);
        return () -> {
            long from = key(bound);
            q.bindLong(1, from);
            q.bindLong(2, from + width - 1);
            q.checksum();
        };
    }

    private Runnable bulk(boolean indexed) {
        String table = indexed ? "items2" : "items";
        int[] round = {0};
        return () -> {
            db.exec("DROP TABLE IF EXISTS " + table);
            db.exec("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, name TEXT, qty INTEGER, price REAL)");
            if (indexed) {
                db.exec("CREATE INDEX " + table + "_name ON " + table + " (name)");
                db.exec("CREATE INDEX " + table + "_qty ON " + table + " (qty)");
            }
            Db.Q q = db.prepare("INSERT INTO " + table + " VALUES (?, ?, ?, ?)");
            db.exec("BEGIN");
            for (long id = 1; id <= BULK; id++) {
                q.bindLong(1, id);
                q.bindText(2, "item number " + (id * 7_919 % BULK));
                q.bindLong(3, id * 31 % 97);
                q.bindDouble(4, (id % 1_000) / 4.0);
                q.update();
            }
            db.exec("COMMIT");
            round[0]++;
        };
    }

    private Runnable open10k() {
        return () -> {
            try {
                if (!wideBuilt) {
                    try (Db wide = Db.open(db.engine(), wideDir)) {
                        wide.exec("BEGIN");
                        for (int i = 0; i < WIDE; i++) {
                            wide.exec("CREATE TABLE t" + i + " (id INTEGER PRIMARY KEY, a TEXT, b INTEGER)");
                        }
                        wide.exec("COMMIT");
                    }
                    wideBuilt = true;
                }
                try (Db wide = Db.open(db.engine(), wideDir)) {
                    wide.prepare("SELECT count(*) FROM t" + (WIDE / 2)).checksum();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
