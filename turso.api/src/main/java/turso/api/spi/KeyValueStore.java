/*
 * The storage the engine hands an index method: an ordered map of byte-string
 * keys to byte-string values, kept in a B-tree of the same database file and
 * part of the enclosing transaction (rolled back with it, durable with it).
 * Keys compare as unsigned bytes, shorter first on a common prefix.
 */
package turso.api.spi;

public interface KeyValueStore {

    /** The value stored under {@code key}, or null. */
    byte[] get(byte[] key);

    void put(byte[] key, byte[] value);

    /** @return whether the key was there */
    boolean delete(byte[] key);

    /** Entries with {@code from <= key < to} in key order; null bounds are open. */
    KeyCursor scan(byte[] from, byte[] to);

    /** Removes every entry. */
    void clear();

    interface KeyCursor extends AutoCloseable {
        boolean next();

        byte[] key();

        byte[] value();

        @Override
        default void close() {}
    }
}
