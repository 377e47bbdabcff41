/*
 * A kind of secondary index beyond SQLite's B-tree indexes, created with
 * Turso's syntax `CREATE INDEX i ON t USING name (cols) WITH (k = v, ...)`:
 * vector ANN ("vector") and full-text indexes are index methods. The engine
 * gives each index a transactional key-value store kept in B-trees of the
 * same database file, and calls the index on every change of its table.
 */
package turso.api.spi;

public interface IndexMethod extends NamedProvider {

    /**
     * Attaches to the index defined by {@code definition}: at CREATE INDEX
     * (the store is empty, and the engine then inserts every existing row) and
     * whenever the schema is loaded.
     */
    MethodIndex open(IndexDefinition definition, KeyValueStore store);
}
