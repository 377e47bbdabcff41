/**
 * SQLite's built-in function libraries that need only the function SPI:
 * date and time. The engine finds them through ServiceLoader, as it finds a
 * user's own.
 */
module turso.functions {
    requires turso.api;
}
