/*
 * Code generation for REINDEX: every entry of the named indexes deleted and
 * made again from their tables' rows, as after a change of a collation's
 * rules. The name is a collation (the indexes using it), a table (its
 * indexes) or an index; none means every index.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.Stmt;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.Program;
import turso.vm.ProgramBuilder;

final class ReindexCompiler {
    private ReindexCompiler() {
    }

    static Program compile(Stmt.Reindex reindex, String sql, Schema schema, FunctionRegistry functions) {
        if (reindex.target() != null && reindex.target().schema() == null
                && schema.databaseOf(reindex.target().name().value()) > 0
                || reindex.target() != null && reindex.target().schema() != null
                && schema.databaseIndex(reindex.target().schema().value()) > 0) {
            throw Unsupported.feature("REINDEX of the temp or an attached database");
        }
        schema = schema.database(0);
        List<Table> owners = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        String name = reindex.target() == null ? null : reindex.target().name().value();
        boolean mainSchema = reindex.target() == null || reindex.target().schema() == null
                || reindex.target().schema().is("main");
        for (Table table : schema.tables()) {
            for (Index index : table.indexes()) {
                if (WithoutRowid.isPrimaryKey(table, index)) {
                    continue;
                }
                boolean wanted = name == null
                        || reindex.target().schema() == null && functions.findCollation(name).isPresent()
                                && index.parts().stream().anyMatch(p -> p.collation().equalsIgnoreCase(name))
                        || mainSchema && (table.name().equalsIgnoreCase(name) || index.name().equalsIgnoreCase(name));
                if (wanted) {
                    owners.add(table);
                    indexes.add(index);
                }
            }
        }
        boolean known = name == null || functions.findCollation(name).isPresent() && reindex.target().schema() == null
                || mainSchema && (schema.table(name) != null || schema.index(name) != null);
        if (!known) {
            throw new TursoException(ResultCode.ERROR, "unable to identify the object to be reindexed");
        }
        ProgramBuilder b = new ProgramBuilder();
        b.markWrites();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        b.emit(Op.TRANSACTION, 0, 1, 0);
        for (int i = 0; i < indexes.size(); i++) {
            Index index = indexes.get(i);
            owners.get(i).checkWritable();
            b.emit(Op.CLEAR, index.rootPage(), 0, 0);
            int root = b.newRegister();
            b.emit(Op.INTEGER, index.rootPage(), root, 0);
            CreateIndexCompiler.fill(b, functions, schema, sql, owners.get(i), index, root);
        }
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }
}
