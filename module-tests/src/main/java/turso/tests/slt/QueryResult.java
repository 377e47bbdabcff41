/*
 * What a query produced: its column count and its values row by row, each
 * with its storage class, before any printing rule is applied.
 */
package turso.tests.slt;

import java.util.List;
import turso.api.Value;

/**
 * @param values    the values, row-major ({@code columnCount} per row)
 * @param stepError the error that ended stepping early, or null
 */
record QueryResult(int columnCount, List<Value> values, String stepError) {

    QueryResult {
        values = List.copyOf(values);
    }
}
