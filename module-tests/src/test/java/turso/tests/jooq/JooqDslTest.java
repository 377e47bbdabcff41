/*
 * jOOQ's DSL over the classes its code generator wrote for the bookshop
 * (GeneratedBookshop), run on this engine and on real SQLite (sqlite-jdbc):
 * every query gives the same rows, with the same Java types, the same counts
 * and the same errors. Each test starts from the same seeded database on
 * both, written through jOOQ.
 */
package turso.tests.jooq;

import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.day;
import static org.jooq.impl.DSL.denseRank;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.extract;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.firstValue;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.jsonArray;
import static org.jooq.impl.DSL.jsonArrayAgg;
import static org.jooq.impl.DSL.jsonObject;
import static org.jooq.impl.DSL.jsonObjectAgg;
import static org.jooq.impl.DSL.jsonValue;
import static org.jooq.impl.DSL.key;
import static org.jooq.impl.DSL.lag;
import static org.jooq.impl.DSL.lead;
import static org.jooq.impl.DSL.localDateAdd;
import static org.jooq.impl.DSL.localDateDiff;
import static org.jooq.impl.DSL.localDateTimeAdd;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.month;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.ntile;
import static org.jooq.impl.DSL.orderBy;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.rank;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.year;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.UpdatableRecord;
import org.jooq.conf.FetchTriggerValuesAfterReturning;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JooqDslTest {

    private static Table<?> AUTHOR;
    private static Table<?> BOOK;
    private static Table<?> SALE;
    private static Table<?> TAG;
    private static Table<?> V_AUTHOR_BOOKS;

    private static Field<Integer> A_ID;
    private static Field<String> A_FIRST;
    private static Field<String> A_LAST;
    private static Field<LocalDate> A_DOB;
    private static Field<String> A_EMAIL;
    private static Field<Boolean> A_ACTIVE;

    private static Field<Integer> B_ID;
    private static Field<Integer> B_AUTHOR;
    private static Field<Integer> B_CO_AUTHOR;
    private static Field<String> B_TITLE;
    private static Field<Integer> B_PUBLISHED;
    private static Field<BigDecimal> B_PRICE;
    private static Field<String> B_LANG;
    private static Field<LocalDateTime> B_CREATED;
    private static Field<JSON> B_ATTRS;

    private static Field<Integer> S_ID;
    private static Field<Integer> S_BOOK;
    private static Field<LocalDate> S_SOLD_ON;
    private static Field<LocalDateTime> S_SOLD_AT;
    private static Field<Integer> S_QTY;
    private static Field<Float> S_UNIT;
    private static Field<byte[]> S_NOTE;

    private static Field<Long> T_BOOK;
    private static Field<String> T_TAG;
    private static Field<Double> T_WEIGHT;

    @BeforeAll
    static void generateClasses() throws Exception {
        Path dir = Path.of("target", "jooq-dsl");
        Files.createDirectories(dir);
        Path db = dir.resolve("codegen.db");
        Files.deleteIfExists(db);
        GeneratedBookshop shop;
        try (Connection c = Bookshop.turso(db)) {
            Bookshop.run(c, Bookshop.SCHEMA);
            shop = GeneratedBookshop.generate(c, dir);
        }
        AUTHOR = shop.table("AUTHOR");
        BOOK = shop.table("BOOK");
        SALE = shop.table("SALE");
        TAG = shop.table("TAG");
        V_AUTHOR_BOOKS = shop.table("V_AUTHOR_BOOKS");
        A_ID = GeneratedBookshop.field(AUTHOR, "id", Integer.class);
        A_FIRST = GeneratedBookshop.field(AUTHOR, "first_name", String.class);
        A_LAST = GeneratedBookshop.field(AUTHOR, "last_name", String.class);
        A_DOB = GeneratedBookshop.field(AUTHOR, "date_of_birth", LocalDate.class);
        A_EMAIL = GeneratedBookshop.field(AUTHOR, "email", String.class);
        A_ACTIVE = GeneratedBookshop.field(AUTHOR, "active", Boolean.class);
        B_ID = GeneratedBookshop.field(BOOK, "id", Integer.class);
        B_AUTHOR = GeneratedBookshop.field(BOOK, "author_id", Integer.class);
        B_CO_AUTHOR = GeneratedBookshop.field(BOOK, "co_author_id", Integer.class);
        B_TITLE = GeneratedBookshop.field(BOOK, "title", String.class);
        B_PUBLISHED = GeneratedBookshop.field(BOOK, "published_in", Integer.class);
        B_PRICE = GeneratedBookshop.field(BOOK, "price", BigDecimal.class);
        B_LANG = GeneratedBookshop.field(BOOK, "language_code", String.class);
        B_CREATED = GeneratedBookshop.field(BOOK, "created_at", LocalDateTime.class);
        B_ATTRS = GeneratedBookshop.field(BOOK, "attributes", JSON.class);
        S_ID = GeneratedBookshop.field(SALE, "id", Integer.class);
        S_BOOK = GeneratedBookshop.field(SALE, "book_id", Integer.class);
        S_SOLD_ON = GeneratedBookshop.field(SALE, "sold_on", LocalDate.class);
        S_SOLD_AT = GeneratedBookshop.field(SALE, "sold_at", LocalDateTime.class);
        S_QTY = GeneratedBookshop.field(SALE, "quantity", Integer.class);
        S_UNIT = GeneratedBookshop.field(SALE, "unit_price", Float.class);
        S_NOTE = GeneratedBookshop.field(SALE, "note", byte[].class);
        T_BOOK = GeneratedBookshop.field(TAG, "book_id", Long.class);
        T_TAG = GeneratedBookshop.field(TAG, "tag", String.class);
        T_WEIGHT = GeneratedBookshop.field(TAG, "weight", Double.class);
    }

    @TempDir
    Path dir;

    private Connection tursoConnection;
    private Connection sqliteConnection;
    private DSLContext turso;
    private DSLContext sqlite;

    @BeforeEach
    void seed() throws SQLException {
        tursoConnection = Bookshop.turso(dir.resolve("turso.db"));
        sqliteConnection = Bookshop.sqlite(dir.resolve("sqlite.db"));
        Bookshop.run(tursoConnection, Bookshop.SCHEMA);
        Bookshop.run(sqliteConnection, Bookshop.SCHEMA);
        turso = DSL.using(tursoConnection, SQLDialect.SQLITE);
        sqlite = DSL.using(sqliteConnection, SQLDialect.SQLITE);
        seed(turso);
        seed(sqlite);
    }

    @AfterEach
    void close() throws SQLException {
        tursoConnection.close();
        sqliteConnection.close();
    }

    /**
     * The same rows on both. Within an author, titles sort as ids do: an aggregate without ORDER BY
     * sees the rows in scan order, which SQLite takes from the (author_id, title) index.
     */
    private static void seed(DSLContext ctx) {
        ctx.insertInto(AUTHOR, A_FIRST, A_LAST, A_DOB, A_EMAIL, A_ACTIVE)
                .values("George", "Orwell", LocalDate.of(1903, 6, 25), "george@example.com", true)
                .values("Paulo", "Coelho", LocalDate.of(1947, 8, 24), null, true)
                .values("Virginia", "Woolf", LocalDate.of(1882, 1, 25), "vw@example.com", false)
                .values("Jane", "Austen", null, null, true)
                .execute();
        ctx.insertInto(BOOK, B_ID, B_AUTHOR, B_CO_AUTHOR, B_TITLE, B_PUBLISHED, B_PRICE, B_LANG, B_CREATED, B_ATTRS)
                .values(1, 1, null, "1984", 1948, new BigDecimal("12.50"), "en", LocalDateTime.of(2024, 1, 2, 3, 4, 5),
                        JSON.json("{\"pages\": 328, \"tags\": [\"dystopia\", \"classic\"]}"))
                .values(2, 1, null, "Animal Farm", 1945, new BigDecimal("8.99"), "en",
                        LocalDateTime.of(2024, 1, 3, 10, 0), JSON.json("{\"pages\": 112}"))
                .values(3, 2, null, "Brida", 1990, new BigDecimal("15"), "pt",
                        LocalDateTime.of(2024, 2, 29, 23, 59, 59), JSON.json("{\"pages\": 208, \"translated\": true}"))
                .values(4, 2, null, "O Alquimista", 1988, null, "pt", LocalDateTime.of(2024, 3, 1, 0, 0), null)
                .values(5, 3, 4, "Mrs Dalloway", 1925, new BigDecimal("10.25"), "en",
                        LocalDateTime.of(2023, 12, 31, 12, 30, 15, 250_000_000), JSON.json("{\"pages\": 194}"))
                .values(6, 3, null, "Orlando", 1928, new BigDecimal("11.75"), "en", LocalDateTime.of(2023, 6, 1, 8, 0),
                        JSON.json("[1, 2, 3]"))
                .values(7, 4, null, "Emma", 1815, new BigDecimal("9.40"), "en", LocalDateTime.of(2022, 7, 14, 9, 15), null)
                .execute();
        ctx.insertInto(SALE, S_BOOK, S_SOLD_ON, S_SOLD_AT, S_QTY, S_UNIT, S_NOTE)
                .values(1, LocalDate.of(2024, 1, 5), LocalDateTime.of(2024, 1, 5, 9, 30), 3, 12.5f, null)
                .values(1, LocalDate.of(2024, 1, 31), LocalDateTime.of(2024, 1, 31, 18, 0), 1, 12.5f, new byte[] {1, 2, 3})
                .values(2, LocalDate.of(2024, 2, 29), null, 12, 8.99f, null)
                .values(3, LocalDate.of(2023, 12, 31), LocalDateTime.of(2023, 12, 31, 23, 59, 59), 2, 15f, null)
                .values(5, LocalDate.of(2024, 3, 15), LocalDateTime.of(2024, 3, 15, 12, 0), 5, 10.25f,
                        new byte[] {(byte) 0xff, 0})
                .values(5, LocalDate.of(2024, 3, 16), null, 1, 9.5f, null)
                .values(7, LocalDate.of(2022, 8, 1), LocalDateTime.of(2022, 8, 1, 7, 45), 24, 9.4f, null)
                .execute();
        ctx.insertInto(TAG, T_BOOK, T_TAG, T_WEIGHT)
                .values(1L, "dystopia", 2.0)
                .values(1L, "classic", 1.0)
                .values(2L, "satire", 1.5)
                .values(5L, "modernism", 0.5)
                .values(7L, "classic", null)
                .execute();
    }

    // Comparing.

    /** Runs {@code work} on real SQLite and here, and checks that both render the same; returns SQLite's. */
    private String same(Function<DSLContext, Object> work) {
        String expected = render(work, sqlite);
        String actual = render(work, turso);
        assertEquals(expected, actual);
        return expected;
    }

    /** As {@link #same}, for work that must succeed and return something non-empty on SQLite. */
    private void sameRows(Function<DSLContext, Object> work) {
        String expected = same(work);
        assertFalse(expected.startsWith("error") || expected.contains("rows=[]"), expected);
    }

    private static String render(Function<DSLContext, Object> work, DSLContext ctx) {
        try {
            return render(work.apply(ctx));
        } catch (DataAccessException e) {
            return "error " + e.getClass().getSimpleName() + ": " + sqliteMessage(e);
        }
    }

    /**
     * The error as SQLite words it, without what each driver adds around it (sqlite-jdbc a
     * description and parentheses, this driver the number of a failing batch entry).
     */
    private static String sqliteMessage(DataAccessException e) {
        SQLException cause = e.getCause(SQLException.class);
        if (cause == null) {
            return e.getMessage();
        }
        String m = cause.getMessage();
        int code = m.indexOf("[SQLITE_");
        if (code >= 0) {
            m = m.substring(m.indexOf("] ", code) + 2);
        }
        int open = m.indexOf(" (");
        if (open >= 0 && m.endsWith(")")) {
            m = m.substring(open + 2, m.length() - 1);
        }
        return cause.getErrorCode() + " " + m;
    }

    /** Values with their Java classes; results with their fields' names and types and the class of their records. */
    private static String render(Object o) {
        return switch (o) {
            case null -> "null";
            case Result<?> r -> {
                List<String> fields = new ArrayList<>();
                for (Field<?> f : r.fields()) {
                    fields.add(f.getName() + ":" + f.getDataType().getTypeName());
                }
                List<String> rows = new ArrayList<>();
                for (Record rec : r) {
                    rows.add(render(rec));
                }
                yield "result " + fields + (r.isEmpty() ? "" : " of " + r.get(0).getClass().getSimpleName())
                        + " rows=" + rows;
            }
            case Record rec -> {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < rec.size(); i++) {
                    values.add(render(rec.get(i)));
                }
                yield values.toString();
            }
            case List<?> list -> {
                List<String> items = new ArrayList<>();
                for (Object item : list) {
                    items.add(render(item));
                }
                yield items.toString();
            }
            case int[] counts -> Arrays.toString(counts);
            case byte[] bytes -> "byte[]" + Arrays.toString(bytes);
            default -> o.getClass().getSimpleName() + ":" + o;
        };
    }

    // The suite.

    @Test
    void crudThroughGeneratedRecords() {
        sameRows(ctx -> {
            UpdatableRecord<?> kafka = (UpdatableRecord<?>) ctx.newRecord(AUTHOR);
            kafka.set(A_FIRST, "Franz");
            kafka.set(A_LAST, "Kafka");
            kafka.set(A_DOB, LocalDate.of(1883, 7, 3));
            int inserted = kafka.store();
            Integer id = kafka.get(A_ID);
            kafka.set(A_EMAIL, "franz@example.com");
            int updated = kafka.store();
            Record fetched = ctx.selectFrom(AUTHOR).where(A_ID.eq(id)).fetchOne();
            UpdatableRecord<?> emma = (UpdatableRecord<?>) ctx.selectFrom(BOOK).where(B_TITLE.eq("Emma")).fetchOne();
            emma.set(B_PRICE, new BigDecimal("7.25"));
            emma.store();
            emma.refresh();
            int deleted = emma.delete();
            return List.of(inserted, id, updated, fetched, kafka.changed(), deleted, emma,
                    ctx.selectFrom(AUTHOR).orderBy(A_ID).fetch(), ctx.fetchCount(BOOK));
        });
        sameRows(ctx -> {
            int raised = ctx.update(BOOK).set(B_PRICE, B_PRICE.mul(new BigDecimal("1.10")))
                    .where(B_LANG.eq("en")).and(B_PRICE.isNotNull()).execute();
            int removed = ctx.deleteFrom(TAG).where(T_WEIGHT.isNull().or(T_WEIGHT.lt(1.0))).execute();
            return List.of(raised, removed, ctx.selectFrom(BOOK).orderBy(B_ID).fetch(),
                    ctx.selectFrom(TAG).orderBy(T_BOOK, T_TAG).fetch(),
                    ctx.selectFrom(SALE).where(S_NOTE.isNotNull()).orderBy(S_ID).fetch());
        });
        same(ctx -> ctx.insertInto(AUTHOR, A_FIRST, A_LAST).values("", "Nobody").execute());
        same(ctx -> ctx.insertInto(AUTHOR, A_FIRST, A_LAST, A_EMAIL).values("Eric", "Blair", "george@example.com")
                .execute());
        same(ctx -> ctx.insertInto(BOOK, B_ID, B_AUTHOR, B_TITLE, B_PUBLISHED).values(8, 1, "Burmese Days", 0).execute());
    }

    @Test
    void joins() {
        sameRows(ctx -> ctx.select(A_FIRST, A_LAST, B_TITLE, B_PRICE)
                .from(AUTHOR).join(BOOK).on(B_AUTHOR.eq(A_ID))
                .orderBy(B_TITLE).fetch());
        sameRows(ctx -> ctx.select(A_LAST, count(B_ID))
                .from(AUTHOR).leftJoin(BOOK).on(B_AUTHOR.eq(A_ID).and(B_PUBLISHED.gt(1900)))
                .groupBy(A_ID, A_LAST).orderBy(A_ID).fetch());
        Table<?> co = AUTHOR.as("co");
        sameRows(ctx -> ctx.select(B_TITLE, A_LAST, co.field(A_LAST))
                .from(BOOK).join(AUTHOR).on(A_ID.eq(B_AUTHOR))
                .leftJoin(co).on(co.field(A_ID).eq(B_CO_AUTHOR))
                .orderBy(B_ID).fetch());
        sameRows(ctx -> ctx.select(B_TITLE, S_SOLD_ON, S_QTY)
                .from(SALE).join(BOOK).onKey()
                .where(S_QTY.ge(2)).orderBy(S_SOLD_ON.desc()).fetch());
        sameRows(ctx -> ctx.select(B_TITLE).from(BOOK)
                .whereNotExists(selectOne().from(SALE).where(S_BOOK.eq(B_ID)))
                .orderBy(B_TITLE).fetch());
        sameRows(ctx -> ctx.select(B_TITLE, T_TAG).from(BOOK).crossJoin(TAG)
                .where(T_BOOK.eq(B_ID.cast(Long.class))).and(T_TAG.eq("CLASSIC"))
                .orderBy(B_ID).fetch());
    }

    @Test
    void groupByAndAggregates() {
        sameRows(ctx -> ctx.select(B_LANG, count(), sum(B_PRICE), avg(B_PRICE), min(B_PUBLISHED), max(B_TITLE),
                        countDistinct(B_AUTHOR))
                .from(BOOK).groupBy(B_LANG).orderBy(B_LANG).fetch());
        sameRows(ctx -> ctx.select(S_BOOK, sum(S_QTY), sum(S_UNIT.mul(S_QTY)), DSL.groupConcat(S_SOLD_ON))
                .from(SALE).groupBy(S_BOOK).having(sum(S_QTY).gt(BigDecimal.TWO)).orderBy(sum(S_QTY).desc()).fetch());
        sameRows(ctx -> ctx.select(A_ACTIVE, count()).from(AUTHOR).groupBy(A_ACTIVE).orderBy(A_ACTIVE).fetch());
        sameRows(ctx -> ctx.selectFrom(V_AUTHOR_BOOKS).orderBy(V_AUTHOR_BOOKS.field("author_id")).fetch());
    }

    @Test
    void windowFunctions() {
        sameRows(ctx -> ctx.select(B_TITLE,
                        rowNumber().over(partitionBy(B_AUTHOR).orderBy(B_PUBLISHED)),
                        rank().over(orderBy(B_PRICE.desc())),
                        denseRank().over(orderBy(B_LANG)),
                        sum(B_PRICE).over(orderBy(B_ID).rowsBetweenUnboundedPreceding().andCurrentRow()),
                        lag(B_TITLE).over(orderBy(B_ID)),
                        lead(B_PUBLISHED, 1, 0).over(orderBy(B_ID)),
                        ntile(3).over(orderBy(B_ID)),
                        firstValue(B_TITLE).over(partitionBy(B_AUTHOR).orderBy(B_ID.desc())),
                        count().over(partitionBy(B_LANG)))
                .from(BOOK).orderBy(B_ID).fetch());
        sameRows(ctx -> ctx.select(S_SOLD_ON, S_QTY,
                        avg(S_QTY).over(orderBy(S_SOLD_ON).rowsBetweenPreceding(1).andFollowing(1)),
                        max(S_QTY).over(partitionBy(year(S_SOLD_ON))))
                .from(SALE).orderBy(S_SOLD_ON).fetch());
    }

    @Test
    void commonTableExpressions() {
        CommonTableExpression<Record2<Integer, Integer>> sold = name("sold").fields("book_id", "copies")
                .as(select(S_BOOK, sum(S_QTY).cast(Integer.class)).from(SALE).groupBy(S_BOOK));
        sameRows(ctx -> ctx.with(sold)
                .select(B_TITLE, sold.field("copies"))
                .from(BOOK).join(sold).on(sold.field("book_id", Integer.class).eq(B_ID))
                .orderBy(sold.field("copies").desc(), B_TITLE).fetch());
        Field<Integer> n = field(name("n", "x"), Integer.class);
        sameRows(ctx -> ctx.withRecursive("n", "x")
                .as(select(inline(1)).unionAll(select(n.plus(1)).from(table(name("n"))).where(n.lt(10))))
                .select(sum(n), count(), max(n)).from(table(name("n"))).fetch());
        sameRows(ctx -> ctx.with("cheap").as(select(B_ID, B_TITLE).from(BOOK).where(B_PRICE.lt(new BigDecimal("10"))))
                .selectFrom(table(name("cheap"))).orderBy(field(name("cheap", "id"))).fetch());
    }

    @Test
    void upsert() {
        sameRows(ctx -> {
            int a = ctx.insertInto(TAG, T_BOOK, T_TAG, T_WEIGHT).values(1L, "Dystopia", 5.0)
                    .onConflict(T_BOOK, T_TAG).doUpdate().set(T_WEIGHT, T_WEIGHT.plus(excluded(T_WEIGHT))).execute();
            int b = ctx.insertInto(TAG, T_BOOK, T_TAG, T_WEIGHT).values(3L, "brazil", 2.0)
                    .onConflict(T_BOOK, T_TAG).doUpdate().set(T_WEIGHT, excluded(T_WEIGHT)).execute();
            int c = ctx.insertInto(TAG, T_BOOK, T_TAG, T_WEIGHT).values(2L, "satire", 9.0)
                    .onConflictDoNothing().execute();
            int d = ctx.insertInto(TAG, T_BOOK, T_TAG, T_WEIGHT).values(7L, "classic", 3.0)
                    .onConflict(T_BOOK, T_TAG).doUpdate().set(T_WEIGHT, excluded(T_WEIGHT))
                    .where(T_WEIGHT.isNotNull()).execute();
            int e = ctx.insertInto(BOOK, B_ID, B_AUTHOR, B_TITLE, B_PUBLISHED).values(1, 1, "Nineteen Eighty-Four", 1949)
                    .onDuplicateKeyUpdate().set(B_TITLE, "Nineteen Eighty-Four").execute();
            int f = ctx.insertInto(AUTHOR, A_FIRST, A_LAST, A_EMAIL).values("Eric", "Blair", "george@example.com")
                    .onDuplicateKeyIgnore().execute();
            return List.of(a, b, c, d, e, f, ctx.selectFrom(TAG).orderBy(T_BOOK, T_TAG).fetch(),
                    ctx.select(B_ID, B_TITLE, B_PUBLISHED).from(BOOK).where(B_ID.eq(1)).fetch(), ctx.fetchCount(AUTHOR));
        });
    }

    @Test
    void returning() {
        sameRows(ctx -> ctx.insertInto(AUTHOR, A_FIRST, A_LAST).values("Franz", "Kafka").values("Italo", "Calvino")
                .returning(A_ID, A_ACTIVE, A_FIRST).fetch());
        sameRows(ctx -> ctx.update(BOOK).set(B_PRICE, B_PRICE.plus(1)).where(B_AUTHOR.eq(2))
                .returning(B_ID, B_PRICE, B_LANG).fetch());
        sameRows(ctx -> ctx.deleteFrom(TAG).where(T_WEIGHT.lt(1.5)).returningResult(T_TAG, T_WEIGHT).fetch());
        sameRows(ctx -> ctx.insertInto(SALE, S_BOOK, S_SOLD_ON, S_QTY, S_UNIT)
                .values(6, LocalDate.of(2025, 5, 6), 4, 11.75f).returningResult(S_ID).fetchOne());
        for (FetchTriggerValuesAfterReturning when : FetchTriggerValuesAfterReturning.values()) {
            sameRows(ctx -> {
                DSLContext c = DSL.using(ctx.configuration().derive(
                        new Settings().withFetchTriggerValuesAfterReturning(when)));
                UpdatableRecord<?> r = (UpdatableRecord<?>) c.newRecord(AUTHOR);
                r.set(A_FIRST, "Franz");
                r.set(A_LAST, "Kafka " + when);
                r.store();
                Result<?> returned = c.insertInto(AUTHOR, A_FIRST, A_LAST).values("Italo", "Calvino " + when)
                        .returning().fetch();
                return List.of(r, returned, c.update(BOOK).set(B_TITLE, B_TITLE.concat("!")).where(B_ID.le(2))
                        .returning(B_TITLE).fetch());
            });
        }
    }

    @Test
    void batches() {
        sameRows(ctx -> {
            int[] bound = ctx.batch(ctx.insertInto(TAG, T_BOOK, T_TAG, T_WEIGHT).values((Long) null, null, null))
                    .bind(3L, "brazil", 1.0).bind(4L, "magic", 2.5).bind(6L, "london", 0.5).execute();
            int[] mixed = ctx.batch(
                    ctx.update(BOOK).set(B_PRICE, new BigDecimal("1")).where(B_ID.le(2)),
                    ctx.deleteFrom(TAG).where(T_TAG.eq("classic")),
                    ctx.insertInto(AUTHOR, A_FIRST, A_LAST).values("Italo", "Calvino")).execute();
            List<TableRecord<?>> records = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                TableRecord<?> r = (TableRecord<?>) ctx.newRecord(TAG);
                r.set(T_BOOK, 3L);
                r.set(T_TAG, "batch " + i);
                r.set(T_WEIGHT, i * 0.25);
                records.add(r);
            }
            int[] inserted = ctx.batchInsert(records).execute();
            return List.of(bound, mixed, inserted, ctx.selectFrom(TAG).orderBy(T_BOOK, T_TAG).fetch(),
                    ctx.select(B_ID, B_PRICE).from(BOOK).orderBy(B_ID).fetch());
        });
        same(ctx -> ctx.batch(ctx.insertInto(TAG, T_BOOK, T_TAG).values((Long) null, null))
                .bind(1L, "x").bind(1L, "dystopia").bind(1L, "y").execute());
    }

    @Test
    void transactions() {
        sameRows(ctx -> {
            ctx.transaction(cfg -> DSL.using(cfg).insertInto(AUTHOR, A_FIRST, A_LAST).values("T", "One").execute());
            String failure = null;
            try {
                ctx.transaction(cfg -> {
                    DSL.using(cfg).insertInto(AUTHOR, A_FIRST, A_LAST).values("T", "Two").execute();
                    throw new IllegalStateException("rolled back");
                });
            } catch (IllegalStateException e) {
                failure = e.getMessage();
            }
            ctx.transaction(outer -> {
                DSL.using(outer).insertInto(AUTHOR, A_FIRST, A_LAST).values("T", "Three").execute();
                try {
                    DSL.using(outer).transaction(inner -> {
                        DSL.using(inner).insertInto(AUTHOR, A_FIRST, A_LAST).values("T", "Four").execute();
                        DSL.using(inner).insertInto(AUTHOR, A_FIRST, A_LAST).values("", "Five").execute();
                    });
                } catch (DataAccessException e) {
                    DSL.using(outer).insertInto(AUTHOR, A_FIRST, A_LAST).values("T", "Six").execute();
                }
            });
            Integer count = ctx.transactionResult(cfg -> DSL.using(cfg).fetchCount(AUTHOR));
            return List.of(failure, count, ctx.select(A_ID, A_FIRST, A_LAST).from(AUTHOR).orderBy(A_ID).fetch());
        });
    }

    @Test
    void dateArithmetic() {
        sameRows(ctx -> ctx.select(S_SOLD_ON,
                        localDateAdd(S_SOLD_ON, 30),
                        localDateAdd(S_SOLD_ON, -1, DatePart.MONTH),
                        localDateAdd(S_SOLD_ON, 1, DatePart.YEAR),
                        localDateDiff(S_SOLD_ON, DSL.val(LocalDate.of(2024, 1, 1))),
                        extract(S_SOLD_ON, DatePart.YEAR), month(S_SOLD_ON), day(S_SOLD_ON),
                        localDateTimeAdd(S_SOLD_AT, 90, DatePart.MINUTE),
                        extract(S_SOLD_AT, DatePart.HOUR))
                .from(SALE).orderBy(S_ID).fetch());
        sameRows(ctx -> ctx.select(B_TITLE, B_CREATED).from(BOOK)
                .where(B_CREATED.between(LocalDateTime.of(2023, 12, 31, 0, 0), LocalDateTime.of(2024, 2, 29, 23, 59, 59)))
                .orderBy(B_CREATED).fetch());
        sameRows(ctx -> ctx.select(A_LAST, A_DOB).from(AUTHOR)
                .where(A_DOB.lt(LocalDate.of(1940, 1, 1))).orderBy(A_DOB).fetch());
    }

    @Test
    void jsonFunctions() {
        sameRows(ctx -> ctx.select(B_TITLE, B_ATTRS,
                        jsonValue(B_ATTRS, "$.pages"),
                        jsonObject(key("title").value(B_TITLE), key("year").value(B_PUBLISHED)),
                        jsonArray(B_ID, B_TITLE, B_PRICE))
                .from(BOOK).orderBy(B_ID).fetch());
        sameRows(ctx -> ctx.select(B_AUTHOR, jsonArrayAgg(B_TITLE), jsonObjectAgg(B_TITLE, B_PUBLISHED))
                .from(BOOK).groupBy(B_AUTHOR).orderBy(B_AUTHOR).fetch());
        sameRows(ctx -> ctx.select(B_TITLE).from(BOOK)
                .where(jsonValue(B_ATTRS, "$.pages").cast(Integer.class).gt(200)).orderBy(B_ID).fetch());
    }

    @Test
    void paging() {
        for (int offset = 0; offset <= 8; offset += 3) {
            int o = offset;
            same(ctx -> ctx.selectFrom(BOOK).orderBy(B_TITLE).limit(3).offset(o).fetch());
        }
        sameRows(ctx -> ctx.select(B_ID, B_TITLE, B_PUBLISHED).from(BOOK).orderBy(B_PUBLISHED, B_ID)
                .seek(1925, 5).limit(2).fetch());
        sameRows(ctx -> ctx.select(B_TITLE, count().over()).from(BOOK).orderBy(B_ID).limit(2).offset(2).fetch());
        sameRows(ctx -> List.of(ctx.fetchCount(BOOK, B_LANG.eq("en")), ctx.fetchExists(SALE, S_QTY.gt(20))));
        String page = same(ctx -> ctx.selectFrom(SALE).orderBy(S_ID).limit(2).offset(6).fetch());
        assertTrue(page.contains("rows=[["), page);
    }
}
