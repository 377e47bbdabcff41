/*
 * A prepared statement of a BenchDb. Parameters are 1-based. A query reads
 * every column of every row, by the kind given when it was prepared
 * (L = integer, D = real, T = text), and folds them into a checksum that does
 * not depend on row order, so the smoke check can compare engines' answers.
 */
package turso.bench;

public interface Query extends AutoCloseable {

    void bindLong(int index, long value);

    void bindDouble(int index, double value);

    void bindText(int index, String value);

    /** Runs the query and returns the checksum of its rows. */
    long checksum();

    /** Runs a statement that returns no rows; returns the rows it changed. */
    long update();

    @Override
    void close();

    /** The checksum's contribution of one value: reals are multiples of 1/4 in every workload. */
    static long ofDouble(double value) {
        return Math.round(value * 4);
    }

    static long ofText(String value) {
        return value == null ? 0 : value.length();
    }
}
