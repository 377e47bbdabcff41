/*
 * Statements. CREATE statements keep {@code sql}, their text exactly as
 * written, because SQLite stores it in sqlite_schema. Optional parts are null
 * and absent lists are empty.
 */
package turso.parser.ast;

import java.util.List;

public sealed interface Stmt {

    Span span();

    record Explain(boolean queryPlan, Stmt stmt, Span span) implements Stmt {
    }

    record SelectStmt(Select select, Span span) implements Stmt {
    }

    /** {@code select} null means DEFAULT VALUES. REPLACE INTO is INSERT with {@code orConflict} REPLACE. */
    record Insert(With with, ConflictResolution orConflict, QualifiedName table, Name alias, List<Name> columns,
                  Select select, List<Upsert> upserts, List<ResultColumn> returning, Span span) implements Stmt {
    }

    record Update(With with, ConflictResolution orConflict, QualifiedName table, Name alias,
                  FromClause.Indexed indexed, List<SetClause> sets, FromClause from, Expr where,
                  List<ResultColumn> returning, List<OrderingTerm> orderBy, Limit limit, Span span) implements Stmt {
    }

    record Delete(With with, QualifiedName table, Name alias, FromClause.Indexed indexed, Expr where,
                  List<ResultColumn> returning, List<OrderingTerm> orderBy, Limit limit, Span span)
            implements Stmt {
    }

    /** Either columns (and constraints) or {@code asSelect}. */
    record CreateTable(boolean temp, boolean ifNotExists, QualifiedName name, List<ColumnDef> columns,
                       List<TableConstraint> constraints, boolean withoutRowid, boolean strict, Select asSelect,
                       SourceText sql, Span span) implements Stmt {
    }

    record IndexParam(Name key, Expr value) {
    }

    /** {@code using} and {@code params} are Turso's index-method extension. */
    record CreateIndex(boolean unique, boolean ifNotExists, QualifiedName name, Name table, Name using,
                       List<OrderingTerm> columns, List<IndexParam> params, Expr where, SourceText sql, Span span)
            implements Stmt {
    }

    record CreateView(boolean temp, boolean ifNotExists, QualifiedName name, List<Name> columns, Select select,
                      SourceText sql, Span span) implements Stmt {
    }

    enum TriggerTime { NONE, BEFORE, AFTER, INSTEAD_OF }

    enum TriggerEvent { DELETE, INSERT, UPDATE }

    /** The body holds Insert, Update, Delete and SelectStmt statements. */
    record CreateTrigger(boolean temp, boolean ifNotExists, QualifiedName name, TriggerTime time,
                         TriggerEvent event, List<Name> updateOf, QualifiedName table, boolean forEachRow,
                         Expr when, List<Stmt> body, SourceText sql, Span span) implements Stmt {
    }

    /** Module arguments are kept as raw text, trimmed, as SQLite hands them to the module. */
    record CreateVirtualTable(boolean ifNotExists, QualifiedName name, Name module, List<String> args, SourceText sql,
                              Span span) implements Stmt {
    }

    enum ObjectKind { TABLE, VIEW, INDEX, TRIGGER }

    record Drop(ObjectKind kind, boolean ifExists, QualifiedName name, Span span) implements Stmt {
    }

    sealed interface AlterAction {
    }

    record RenameTable(Name newName) implements AlterAction {
    }

    record RenameColumn(Name oldName, Name newName) implements AlterAction {
    }

    record AddColumn(ColumnDef column) implements AlterAction {
    }

    record DropColumn(Name column) implements AlterAction {
    }

    record AlterTable(QualifiedName table, AlterAction action, Span span) implements Stmt {
    }

    enum TransactionType { DEFAULT, DEFERRED, IMMEDIATE, EXCLUSIVE, CONCURRENT }

    record Begin(TransactionType type, Span span) implements Stmt {
    }

    record Commit(Span span) implements Stmt {
    }

    /** {@code savepoint} null rolls back the transaction. */
    record Rollback(Name savepoint, Span span) implements Stmt {
    }

    record Savepoint(Name name, Span span) implements Stmt {
    }

    record Release(Name name, Span span) implements Stmt {
    }

    /**
     * PRAGMA [schema.]name [= value]. The value is a Literal (numbers, possibly
     * negated as Unary, strings) or a ColumnRef for names and ON / DELETE / DEFAULT.
     */
    record Pragma(QualifiedName name, Expr value, Span span) implements Stmt {
    }

    record Vacuum(Name schema, Expr into, Span span) implements Stmt {
    }

    record Analyze(QualifiedName target, Span span) implements Stmt {
    }

    record Reindex(QualifiedName target, Span span) implements Stmt {
    }

    record Attach(Expr file, Expr schema, Expr key, Span span) implements Stmt {
    }

    record Detach(Expr schema, Span span) implements Stmt {
    }
}
