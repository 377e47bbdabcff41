/* What CREATE INDEX ... USING said: names, indexed columns in order, and the WITH (k = v) parameters. */
package turso.api.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public record IndexDefinition(String indexName, String tableName, List<String> columns, Map<String, String> parameters) {
    public IndexDefinition {
        columns = List.copyOf(columns);
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
