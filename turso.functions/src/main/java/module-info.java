/**
 * SQLite's built-in function libraries that need only the function SPI:
 * date and time, JSON, math; and the virtual table modules: the
 * table-valued functions json_each, json_tree and generate_series, and csv.
 * The engine finds them through ServiceLoader, as it finds a user's own; no
 * package is exported.
 */
module turso.functions {
    requires turso.api;

    provides turso.api.spi.FunctionLibrary with turso.functions.datetime.DateTimeLibrary,
            turso.functions.json.JsonLibrary, turso.functions.math.MathLibrary;
    provides turso.api.spi.VirtualTableModule with turso.functions.json.JsonEachModule,
            turso.functions.json.JsonTreeModule, turso.functions.series.SeriesModule,
            turso.functions.csv.CsvModule;
}
