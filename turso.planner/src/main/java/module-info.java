/**
 * From AST to program: schema and catalog, name resolution, type affinity,
 * access-path and join-order choice, and code generation for turso.vm.
 */
module turso.planner {
    requires turso.api;
    requires turso.parser;
    requires turso.vm;
    requires turso.btree;

    exports turso.planner to turso.engine;
}
