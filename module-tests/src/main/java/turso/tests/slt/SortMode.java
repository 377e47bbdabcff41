/*
 * How a query's printed values are ordered before they are compared or
 * hashed, as the third word of a "query" header says.
 */
package turso.tests.slt;

import java.util.Optional;

enum SortMode {
    /** The engine's order is kept. */
    NOSORT,
    /** Rows are sorted by their printed values, column by column, byte-wise. */
    ROWSORT,
    /** Every value is sorted on its own, byte-wise. */
    VALUESORT;

    static Optional<SortMode> parse(String word) {
        return switch (word) {
            case "nosort" -> Optional.of(NOSORT);
            case "rowsort" -> Optional.of(ROWSORT);
            case "valuesort" -> Optional.of(VALUESORT);
            default -> Optional.empty();
        };
    }
}
