/*
 * Compiles PRAGMA statements. The program opens the transaction the pragma
 * needs, then loops over Op.PRAGMA, which asks the connection for the rows
 * when the statement runs (so a prepared "PRAGMA page_count" stepped again
 * later reports the count of that time). Only the checks SQLite makes while
 * preparing are made here: the schema name (only main exists here; temp is
 * not supported yet), integrity_check's table, an encoding's name. A pragma
 * SQLite does not know compiles to a program with no columns and no rows,
 * as SQLite ignores it.
 */
package turso.planner;

import java.util.List;
import java.util.Locale;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.Expr;
import turso.parser.ast.Stmt;
import turso.vm.Op;
import turso.vm.Pragma;
import turso.vm.PragmaArguments;
import turso.vm.PragmaCall;
import turso.vm.Program;
import turso.vm.ProgramBuilder;

final class PragmaCompiler {
    private PragmaCompiler() {
    }

    /** The encodings "PRAGMA encoding = X" accepts (SQLite's spellings, case ignored). */
    private static final List<String> ENCODINGS = List.of("utf-8", "utf8", "utf-16le", "utf-16be", "utf16le",
            "utf16be", "utf-16", "utf16");

    static Program compile(Stmt.Pragma stmt, Schema schema) {
        int db = stmt.name().schema() == null ? PragmaCall.UNQUALIFIED
                : schema.databaseIndex(stmt.name().schema().value());
        if (db == PragmaCall.UNQUALIFIED && stmt.name().schema() != null) {
            throw new TursoException(ResultCode.ERROR, "unknown database " + stmt.name().schema().value());
        }
        ProgramBuilder b = new ProgramBuilder();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        String name = stmt.name().name().value();
        Pragma pragma = Pragma.find(name).orElse(null);
        if (pragma == null) {
            b.emit(Op.HALT, 0, 0, 0);
            return b.build();
        }
        String argument = stmt.value() == null ? null : argument(stmt.value());
        check(pragma, argument, schema);
        boolean hasArgument = argument != null;
        List<String> columns = pragma.columns(hasArgument);
        columns.forEach(b::addColumn);
        switch (pragma.transaction(hasArgument)) {
            case NONE -> { }
            case READ -> b.emit(Op.TRANSACTION, Math.max(db, 0), 0, 0);
            case WRITE -> {
                b.emit(Op.TRANSACTION, Math.max(db, 0), 1, 0);
                b.markWrites();
            }
        }
        int cursor = b.newCursor();
        int first = b.newRegisters(Math.max(columns.size(), 1));
        int loop = b.emit(Op.PRAGMA, cursor, 0, first, new PragmaCall(pragma, argument, db), 0);
        b.emit(Op.RESULT_ROW, first, columns.size(), 0);
        b.emit(Op.GOTO, 0, loop, 0);
        b.setJump(loop, b.currentAddress());
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    /** The errors SQLite reports while preparing the pragma rather than running it. */
    private static void check(Pragma pragma, String argument, Schema schema) {
        if (argument == null) {
            return;
        }
        switch (pragma) {
            case ENCODING -> {
                if (!ENCODINGS.contains(argument.toLowerCase(Locale.ROOT))) {
                    throw new TursoException(ResultCode.ERROR, "unsupported encoding: " + argument);
                }
            }
            case INTEGRITY_CHECK, QUICK_CHECK -> {
                if (!PragmaArguments.isInt32(argument) && !"table".equals(schema.kindOf(argument))) {
                    throw new TursoException(ResultCode.ERROR, "no such table: " + argument);
                }
            }
            default -> { }
        }
    }

    /** The argument's text as SQLite passes it to the pragma: quotes removed, a minus sign kept. */
    private static String argument(Expr value) {
        return switch (value) {
            case Expr.Literal l -> l.text();
            case Expr.ColumnRef c -> c.column().value();
            case Expr.Unary u when u.op() == Expr.UnaryOp.NEGATE -> "-" + argument(u.operand());
            case Expr.Unary u -> argument(u.operand());
            default -> throw new TursoException(ResultCode.ERROR, "syntax error in PRAGMA value");
        };
    }
}
