/*
 * The instruction set of the VM: opcode numbers (ints, so that the
 * interpreter's dispatch is a plain tableswitch) and their names for EXPLAIN.
 * Operands follow one convention where it fits: p1 and p2 are inputs, p3 the
 * output register, p4 an object operand, p5 flags. Jump targets are
 * instruction addresses.
 */
package turso.vm;

public final class Op {
    private Op() {
    }

    /** Starts a program: jumps to p2. */
    public static final int INIT = 0;
    /** Jumps to p2. */
    public static final int GOTO = 1;
    /**
     * Ends the program; p1 is the result code, p4 an error message when p1 is
     * not OK (a String, or an Integer: the register holding it).
     */
    public static final int HALT = 2;
    /** r[p2] = p1 (a 32-bit constant). */
    public static final int INTEGER = 3;
    /** r[p2] = p4 (a Long). */
    public static final int INT64 = 4;
    /** r[p2] = p4 (a Double). */
    public static final int REAL = 5;
    /** r[p2] = p4 (a String, kept as UTF-8). */
    public static final int STRING8 = 6;
    /** r[p2] = p4 (a byte[] blob). */
    public static final int BLOB = 7;
    /** r[p2..p3] = NULL (only r[p2] when p3 is 0). */
    public static final int NULL = 8;
    /** r[p2] = the value bound to parameter p1. */
    public static final int VARIABLE = 9;
    /** r[p2] = r[p1]. */
    public static final int COPY = 10;
    /** r[p3] = r[p1] + r[p2], and so on for the arithmetic and bitwise operators below. */
    public static final int ADD = 11;
    public static final int SUBTRACT = 12;
    public static final int MULTIPLY = 13;
    public static final int DIVIDE = 14;
    public static final int REMAINDER = 15;
    public static final int CONCAT = 16;
    public static final int BIT_AND = 17;
    public static final int BIT_OR = 18;
    public static final int SHIFT_LEFT = 19;
    public static final int SHIFT_RIGHT = 20;
    /** r[p3] = r[p1] AND r[p2], three-valued. */
    public static final int AND = 21;
    /** r[p3] = r[p1] OR r[p2], three-valued. */
    public static final int OR = 22;
    /** r[p2] = NOT r[p1], three-valued. */
    public static final int NOT = 23;
    /** r[p2] = ~r[p1]. */
    public static final int BIT_NOT = 24;
    /** r[p2] = -r[p1]. */
    public static final int NEGATE = 25;
    /**
     * r[p3] = r[p1] op r[p2] as 1, 0 or NULL; p4 is a {@link Comparison}
     * (operator, affinity, collation).
     */
    public static final int COMPARE = 26;
    /** Jumps to p2 if r[p1] is true; if it is NULL, jumps when p3 is not 0. */
    public static final int IF = 27;
    /** Jumps to p2 if r[p1] is false; if it is NULL, jumps when p3 is not 0. */
    public static final int IF_NOT = 28;
    /** Jumps to p2 if r[p1] is NULL. */
    public static final int IS_NULL = 29;
    /** Jumps to p2 if r[p1] is not NULL. */
    public static final int NOT_NULL = 30;
    /** r[p3] = f(r[p1] .. r[p1+p2-1]); p4 is a {@link FunctionCall}. */
    public static final int FUNCTION = 31;
    /** CAST(r[p1] AS type) in place; p4 is the {@link Affinity} of the type. */
    public static final int CAST = 32;
    /** The result row is r[p1] .. r[p1+p2-1]. */
    public static final int RESULT_ROW = 33;
    /** r[p2] = r[p1] IS TRUE (p3 = 0) or IS FALSE (p3 = 1) as 1 or 0; NULL gives 0. */
    public static final int IS_TRUE = 34;

    /** Starts a read (p2 = 0) or write (p2 = 1) transaction on database p1 (0 main, 1 temp, 2.. attached), unless one is open. */
    public static final int TRANSACTION = 35;
    /**
     * Opens cursor p1 for reading the B-tree rooted at page p2 (at page r[p2]
     * when p5 has {@link #ROOT_IN_REGISTER}): a table B-tree, or an index
     * B-tree when p4 is the index's KeyInfo; p3 is the database (0 main, 1
     * temp, 2.. attached).
     */
    public static final int OPEN_READ = 36;
    /** Opens cursor p1 for writing, as {@link #OPEN_READ} does for reading. */
    public static final int OPEN_WRITE = 37;
    /** OPEN_READ / OPEN_WRITE flag: p2 is the register holding the root page. */
    public static final int ROOT_IN_REGISTER = 1;
    /** Moves cursor p1 to its first row; jumps to p2 if there is none. */
    public static final int REWIND = 38;
    /** Moves cursor p1 to its next row; jumps to p2 if there is one. */
    public static final int NEXT = 39;
    /** r[p3] = column p2 of cursor p1's row; p4 (a Register) is the value of a column the row lacks. */
    public static final int COLUMN = 40;
    /** r[p2] = the rowid of cursor p1's row. */
    public static final int ROWID = 41;
    /**
     * r[p2] = a rowid not used in cursor p1's table: one more than the
     * largest. With p5 = 1, r[p3] holds the largest rowid the table ever had
     * (AUTOINCREMENT): one more than the larger of the two, and r[p3] becomes it.
     */
    public static final int NEW_ROWID = 42;
    /** r[p3] = the record of r[p1] .. r[p1+p2-1], as a blob. */
    public static final int MAKE_RECORD = 43;
    /**
     * Inserts the record in r[p2] under rowid r[p3] through cursor p1 (a row
     * with that rowid is replaced); p5 holds {@link #COUNT_CHANGE} and
     * {@link #SET_LAST_ROWID} flags.
     */
    public static final int INSERT = 44;
    /** INSERT / DELETE flag: the row counts in changes(). */
    public static final int COUNT_CHANGE = 1;
    /** INSERT flag: the rowid becomes last_insert_rowid(). */
    public static final int SET_LAST_ROWID = 2;
    /** Jumps to p2 if cursor p1's table has no row with rowid r[p3]. */
    public static final int NOT_EXISTS = 45;
    /** Makes r[p1] an integer if it holds one exactly (as text or real too), else fails: datatype mismatch. */
    public static final int MUST_BE_INT = 46;
    /** Applies the affinities p4 (an Affinity[]) to r[p1] .. r[p1+p2-1]. */
    public static final int AFFINITY = 47;
    /** r[p2] = the root page of a new, empty table B-tree (an index B-tree when p1 is 1) in database p3. */
    public static final int CREATE_BTREE = 48;
    /** Adds one to database p1's schema cookie, so that other connections see the schema changed. */
    public static final int BUMP_SCHEMA_COOKIE = 49;
    /** Database p1's schema changed: the connection reloads it once the statement ends. */
    public static final int PARSE_SCHEMA = 50;

    /** Opens sorter p1, ordering rows by p4 (a {@link SortOrder}). */
    public static final int SORTER_OPEN = 51;
    /** Adds a copy of r[p2] .. r[p2+p3-1] as a row of sorter p1. */
    public static final int SORTER_INSERT = 52;
    /** Sorts sorter p1 and moves to its first row; jumps to p2 if it has none. */
    public static final int SORTER_SORT = 53;
    /** r[p3] = value p2 of the current row of sorter p1. */
    public static final int SORTER_COLUMN = 54;
    /** Moves sorter p1 to its next row; jumps to p2 if there is one. */
    public static final int SORTER_NEXT = 55;
    /** If r[p1] is positive, subtracts p3 from it and jumps to p2 (OFFSET). */
    public static final int IF_POS = 56;
    /** If r[p1] is positive, subtracts one, and jumps to p2 if that made it zero (LIMIT). */
    public static final int DECR_JUMP_ZERO = 57;

    /** Starts aggregate p1 afresh: a new state from p4 (an AggregateFunction). */
    public static final int AGG_RESET = 58;
    /** Feeds r[p2] .. r[p2+p3-1] to aggregate p1 (p4 is its function). */
    public static final int AGG_STEP = 59;
    /** r[p2] = the result of aggregate p1 (p4 is its function). */
    public static final int AGG_FINAL = 60;

    /**
     * Jumps to p2 if the row r[p3] .. (as many values as p4, a SortOrder, has
     * keys) was seen before by DISTINCT set p1; else remembers it.
     */
    public static final int DISTINCT = 61;
    /** Forgets every row DISTINCT set p1 has seen. */
    public static final int DISTINCT_CLEAR = 62;

    /** Cursor p1 stands on a row of NULLs until it moves again (the unmatched side of a LEFT JOIN). */
    public static final int NULL_ROW = 63;

    /** Deletes the row cursor p1 stands on (a next NEXT moves to the row after it); p5 may hold COUNT_CHANGE. */
    public static final int DELETE = 64;

    /**
     * Transaction control: p1 is {@link #BEGIN}, {@link #COMMIT} or
     * {@link #ROLLBACK}; for BEGIN, p2 is 0 (deferred), 1 (immediate) or 2
     * (exclusive). The connection acts on it when the statement ends. Or p1
     * is {@link #SAVEPOINT}, {@link #RELEASE} or {@link #ROLLBACK_TO}, with
     * the savepoint's name in p4.
     */
    public static final int AUTOCOMMIT = 65;
    public static final int BEGIN = 0;
    public static final int COMMIT = 1;
    public static final int ROLLBACK = 2;
    public static final int SAVEPOINT = 3;
    public static final int RELEASE = 4;
    public static final int ROLLBACK_TO = 5;

    /** Frees every page of the B-tree whose root page is r[p1] in database p2 (DROP). */
    public static final int DESTROY = 66;

    /**
     * Merges the rows of sorter p2 into sorter p1: p3 is 0 for UNION ALL, 1
     * UNION, 2 EXCEPT, 3 INTERSECT; p4 (a SortOrder) says when rows are equal.
     */
    public static final int SORTER_COMBINE = 67;

    /** Inserts the index key in r[p2] (a record) through index cursor p1. */
    public static final int IDX_INSERT = 68;
    /** Deletes the entry equal to the key r[p2] .. r[p2+p3-1] from index cursor p1, if there is one. */
    public static final int IDX_DELETE = 69;

    /**
     * Seeks: positions cursor p1 on the first entry at or after (SEEK_GE),
     * after (SEEK_GT), or the last at or before (SEEK_LE), before (SEEK_LT)
     * the key r[p3] .. (p4 values, a prefix of an index key; one value, the
     * rowid, for a table); jumps to p2 if there is none. A table's key is
     * read as a number; text and blobs come after every rowid.
     */
    public static final int SEEK_GE = 70;
    public static final int SEEK_GT = 71;
    public static final int SEEK_LE = 72;
    public static final int SEEK_LT = 73;

    /**
     * Compares the first p4 columns of index cursor p1's entry with the key
     * r[p3] ..: jumps to p2 if the entry is at or after (IDX_GE), after
     * (IDX_GT), at or before (IDX_LE), before (IDX_LT) it.
     */
    public static final int IDX_GE = 74;
    public static final int IDX_GT = 75;
    public static final int IDX_LE = 76;
    public static final int IDX_LT = 77;

    /** r[p2] = the rowid index cursor p1's entry points to (its last column). */
    public static final int IDX_ROWID = 78;
    /**
     * Jumps to p2 if the key r[p3] .. r[p3+p4-1] has a NULL or no entry of
     * index cursor p1 starts with it; else leaves the cursor on the first that does.
     */
    public static final int NO_CONFLICT = 79;
    /**
     * Positions table cursor p1 on the row whose rowid is r[p3] read as an
     * integer; jumps to p2 if the value is no integer or there is no such row.
     */
    public static final int SEEK_ROWID = 80;
    /** Moves cursor p1 to its previous entry; jumps to p2 if there is one. */
    public static final int PREV = 81;
    /** Moves cursor p1 to its last entry; jumps to p2 if there is none. */
    public static final int LAST = 82;

    /**
     * Jumps to p2 if this instruction already ran since the program started
     * (work done once per run, such as filling a set for an uncorrelated
     * IN subquery); a p2 pointing to the next instruction never skips anything.
     */
    public static final int ONCE = 83;
    /** Jumps to p2 if sorted sorter p1 holds a row whose first value equals r[p3] (as its SortOrder compares). */
    public static final int SORTER_FOUND = 84;

    /**
     * Opens cursor p1 on a new, empty table B-tree of its own, in memory,
     * for writing and reading (the rows of a subquery in FROM, a view, a
     * WITH table), or an index B-tree when p4 is its KeyInfo (an automatic
     * index); it is dropped when the cursor closes or is opened again.
     */
    public static final int OPEN_EPHEMERAL = 85;

    /**
     * The rows of a PRAGMA, which the connection computes when first
     * reached (p4, a {@link PragmaCall}): each time, loads the next row into
     * r[p3..], or jumps to p2 when there is none left; p1 numbers the state
     * like a cursor. A p5 other than 0 takes the argument from r[p5-1] instead
     * (a table-valued pragma_xxx(arg) in FROM, evaluated as the query runs).
     */
    public static final int PRAGMA = 86;

    /** Deletes every entry of the B-tree whose root page is p1 in database p2, keeping the root (REINDEX). */
    public static final int CLEAR = 87;

    /**
     * Sorter p1 need only keep its first r[p2] + r[p3] rows in sort order
     * (ORDER BY with LIMIT r[p2] and OFFSET r[p3]); a negative limit keeps all.
     */
    public static final int SORTER_BOUND = 88;

    /**
     * Runs the trigger program p4 (a SubProgram) with r[p1]..r[p1+p3-1] as its
     * parameters 1..p3 (the OLD and NEW rows); jumps to p2 if it ran RAISE(IGNORE).
     */
    public static final int PROGRAM = 89;

    /**
     * Appends to every row of sorter p1 (a buffer, before SORTER_SORT) the
     * results of the window function calls p4 (a {@link WindowPlan}).
     */
    public static final int WINDOW = 90;
    /**
     * Checks the row in registers p1..p1+p2-1 against the column types of a
     * STRICT table, p4 (a {@link StrictTypes}): SQLITE_CONSTRAINT_DATATYPE
     * for a value of another type.
     */
    public static final int TYPE_CHECK = 91;

    /** ATTACH: opens the database file r[p1] (text; NULL or "" or ":memory:" in memory) under the name r[p2]. */
    public static final int ATTACH = 92;

    /** DETACH: closes the attached database called r[p1]. */
    public static final int DETACH = 93;

    /**
     * VACUUM (p1 = 0) or VACUUM INTO the file named by r[p1 - 1], which must
     * be text: the connection rebuilds the database (Vm.Host.vacuum).
     */
    public static final int VACUUM = 94;

    /**
     * Adds p2 (times r[p3] when p3 is not 0) to a count of foreign key
     * violations: the statement's (p1 = 0, immediate constraints, checked
     * when the statement ends) or the connection's (p1 = 1, deferred ones,
     * checked at COMMIT). With PRAGMA defer_foreign_keys on, immediate
     * violations count as deferred ones.
     */
    public static final int FK_COUNTER = 95;

    /** Jumps to p2 if the count of foreign key violations p1 names (as in FK_COUNTER) is zero. */
    public static final int FK_IF_ZERO = 96;

    /**
     * r[p2] = the number of rows query p4 (a Program) yields, run with
     * r[p1]..r[p1+p3-1] as its parameters 1..p3 (the OLD and NEW rows of a
     * foreign key check); with p5 = 1 it stops at the first row.
     */
    public static final int COUNT_ROWS = 97;

    /** Opens cursor p1 on the virtual table p4 (a {@link turso.api.spi.VirtualTable}). */
    public static final int VOPEN = 98;

    /**
     * Starts the scan of virtual cursor p1 with the plan p4 (a
     * {@link VirtualFilter}), its arguments in r[p3..]; jumps to p2 if it has
     * no row. COLUMN, ROWID and NULL_ROW work on a virtual cursor too.
     */
    public static final int VFILTER = 99;

    /** Moves virtual cursor p1 to its next row and jumps to p2, or falls through at the end. */
    public static final int VNEXT = 100;

    /**
     * Writes through the virtual table p4 (xUpdate): p2 values from r[p3]: the
     * old rowid (NULL for an INSERT), then for INSERT and UPDATE the new rowid
     * (NULL: the module chooses) and the columns; p2 = 1 deletes. p5 as
     * INSERT's (COUNT_CHANGE, SET_LAST_ROWID).
     */
    public static final int VUPDATE = 101;

    /** Runs p4 (a Runnable): CREATE VIRTUAL TABLE's xCreate, DROP TABLE's xDestroy. */
    public static final int VDDL = 102;

    /**
     * Jumps to p2 when sorter p1, bounded by SORTER_BOUND, already holds its
     * rows and the sort keys r[p3].. do not sort before the last of them: the
     * row cannot make the top N, so the rest of it need not be computed.
     */
    public static final int SORTER_SKIP = 103;

    /** Starts hash aggregate p1 (a GROUP BY's groups) afresh, as p4 (a GroupSpec) describes it. */
    public static final int GROUP_OPEN = 104;

    /**
     * Makes the group of the keys r[p2] .. r[p2+p3-1] the current one of hash
     * aggregate p1, created if new: its aggregate states, DISTINCT sets and
     * saved registers (GroupSpec) are swapped in for the rest of the row's
     * instructions, those of the group before it saved.
     */
    public static final int GROUP_FIND = 105;

    /**
     * Sorts the groups of hash aggregate p1 by their keys and makes the first
     * one current, its keys copied to r[p3]..; jumps to p2 if there is none.
     */
    public static final int GROUP_SORT = 106;

    /** Makes the next group of hash aggregate p1 current (keys to r[p3]..) and jumps to p2; falls through after the last. */
    public static final int GROUP_NEXT = 107;

    private static final String[] NAMES = {
        "Init", "Goto", "Halt", "Integer", "Int64", "Real", "String8", "Blob", "Null", "Variable", "Copy",
        "Add", "Subtract", "Multiply", "Divide", "Remainder", "Concat", "BitAnd", "BitOr", "ShiftLeft",
        "ShiftRight", "And", "Or", "Not", "BitNot", "Negate", "Compare", "If", "IfNot", "IsNull", "NotNull",
        "Function", "Cast", "ResultRow", "IsTrue", "Transaction", "OpenRead", "OpenWrite", "Rewind", "Next",
        "Column", "Rowid", "NewRowid", "MakeRecord", "Insert", "NotExists", "MustBeInt", "Affinity", "CreateBtree",
        "BumpSchemaCookie", "ParseSchema", "SorterOpen", "SorterInsert", "SorterSort", "SorterColumn", "SorterNext",
        "IfPos", "DecrJumpZero", "AggReset", "AggStep", "AggFinal", "Distinct", "DistinctClear", "NullRow", "Delete",
        "AutoCommit", "Destroy", "SorterCombine", "IdxInsert", "IdxDelete", "SeekGE", "SeekGT", "SeekLE", "SeekLT",
        "IdxGE", "IdxGT", "IdxLE", "IdxLT", "IdxRowid", "NoConflict", "SeekRowid", "Prev", "Last", "Once", "SorterFound",
        "OpenEphemeral", "Pragma", "Clear", "SorterBound", "Program", "Window",
        "TypeCheck", "Attach", "Detach", "Vacuum", "FkCounter", "FkIfZero", "CountRows",
        "VOpen", "VFilter", "VNext", "VUpdate", "VDdl", "SorterSkip", "GroupOpen", "GroupFind", "GroupSort", "GroupNext"
    };

    /** The name EXPLAIN shows for opcode {@code op}. */
    public static String name(int op) {
        return NAMES[op];
    }
}
