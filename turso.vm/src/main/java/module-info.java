/**
 * The bytecode and its interpreter: instructions and programs, registers and
 * values, cursors over turso.btree, the sorter, and the built-in SQL
 * functions (registered through the function SPI like anyone's).
 */
module turso.vm {
    requires turso.api;
    requires turso.btree;

    exports turso.vm to turso.planner, turso.engine;
    // for CoreLibrary.caseSensitiveLike(), which the engine installs for PRAGMA case_sensitive_like
    exports turso.vm.func to turso.engine;

    provides turso.api.spi.FunctionLibrary with turso.vm.func.CoreLibrary;
}
