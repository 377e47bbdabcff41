/*
 * The data the workloads read and write, the same on every engine:
 *   countries(50) <- cities(1 000) <- users(N) <- orders(N)
 * with N = 100 000 by default (system property turso.bench.rows; a power of
 * ten, so the multipliers below stay permutations). Values are derived from
 * the row number, so every engine holds exactly the same rows: score is a
 * permutation of 0..N-1 (indexed), balance a permutation of multiples of 1/4
 * (not indexed), email is unique (indexed), orders.user_id is indexed.
 */
package turso.bench;

public final class Dataset {

    public static final int COUNTRIES = 50;
    public static final int CITIES = 1_000;

    /** The system property that sets the number of users and of orders. */
    public static final String ROWS_PROPERTY = "turso.bench.rows";

    private Dataset() {
    }

    /** Rows of users and of orders. */
    public static int rows() {
        return Integer.getInteger(ROWS_PROPERTY, 100_000);
    }

    public static String email(long id) {
        return "user" + id + "@example.com";
    }

    /** Creates the tables and indexes and loads them, one transaction per table. */
    public static void load(BenchDb db) {
        int n = rows();
        db.exec("CREATE TABLE countries (id INTEGER PRIMARY KEY, name VARCHAR(32))");
        db.exec("CREATE TABLE cities (id INTEGER PRIMARY KEY, name VARCHAR(32), country_id INTEGER)");
        db.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(64), score INTEGER,"
                + " balance DOUBLE, city_id INTEGER)");
        db.exec("CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER, amount DOUBLE, day_no INTEGER)");

        db.begin();
        try (Query q = db.prepare("INSERT INTO countries VALUES (?1, ?2)")) {
            for (int id = 1; id <= COUNTRIES; id++) {
                q.bindLong(1, id);
                q.bindText(2, "country " + id);
                q.update();
            }
        }
        try (Query q = db.prepare("INSERT INTO cities VALUES (?1, ?2, ?3)")) {
            for (int id = 1; id <= CITIES; id++) {
                q.bindLong(1, id);
                q.bindText(2, "city " + id);
                q.bindLong(3, id % COUNTRIES + 1);
                q.update();
            }
        }
        db.commit();

        db.begin();
        try (Query q = db.prepare("INSERT INTO users VALUES (?1, ?2, ?3, ?4, ?5)")) {
            for (long id = 1; id <= n; id++) {
                bindUser(q, id, n);
                q.update();
            }
        }
        db.commit();

        db.begin();
        try (Query q = db.prepare("INSERT INTO orders VALUES (?1, ?2, ?3, ?4)")) {
            for (long id = 1; id <= n; id++) {
                q.bindLong(1, id);
                q.bindLong(2, id * 7 % n + 1);
                q.bindDouble(3, (id % 4_000) / 4.0);
                q.bindLong(4, id % 365);
                q.update();
            }
        }
        db.commit();

        db.exec("CREATE INDEX users_email ON users (email)");
        db.exec("CREATE INDEX users_score ON users (score)");
        db.exec("CREATE INDEX orders_user ON orders (user_id)");
    }

    /** Binds the five columns of user {@code id} to an INSERT INTO users VALUES (?, ?, ?, ?, ?). */
    public static void bindUser(Query q, long id, int n) {
        q.bindLong(1, id);
        q.bindText(2, email(id));
        q.bindLong(3, id * 7_919 % n);
        q.bindDouble(4, (id * 31 % n) / 4.0);
        q.bindLong(5, id % CITIES + 1);
    }
}
