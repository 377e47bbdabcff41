/*
 * Runs one Program: the register file, the program counter, the values bound
 * to parameters, and the loop that interprets instructions until a result
 * row is ready or the program halts. One Vm per prepared statement, used by
 * one thread at a time; reset() makes it ready to run again. It is also the
 * FunctionContext the functions it calls see.
 */
package turso.vm;

import java.lang.foreign.MemorySegment;
import turso.api.DataType;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.AggregateFunction;
import turso.api.spi.FunctionContext;
import turso.btree.BTreeCursor;
import turso.btree.HeaderField;
import turso.btree.KeyInfo;
import turso.btree.Record;
import turso.btree.RecordBuilder;
import turso.btree.RecordComparator;
import turso.btree.SeekOp;
import turso.btree.Storage;

public final class Vm implements FunctionContext {

    /** What the VM asks of the connection running it. */
    public interface Host {
        long lastInsertRowid();

        long changes();

        long totalChanges();

        /** Whether interrupt() was called on the connection since the statement started. */
        boolean isInterrupted();

        /** The main database's storage. */
        Storage storage();

        /**
         * The storage of database {@code db} of the connection (0 main, 1
         * temp, 2.. attached), in a transaction of at least this kind, which
         * is opened if the statement has none on it yet.
         */
        Storage storage(int db, boolean write);

        /** Makes sure a transaction of at least this kind is open on database {@code db} (autocommit opens one per statement). */
        void beginTransaction(int db, boolean write);

        /** A row was inserted, updated or deleted by this statement; {@code lastRowid}: it sets last_insert_rowid. */
        void rowChanged(long rowid, boolean lastRowid);

        /** A trigger program of this statement changed a row: it counts in total_changes() only. */
        void triggerRowChanged();

        /** The statement changed the schema of database {@code db}: reload it before the next statement is prepared. */
        void schemaChanged(int db);

        /**
         * BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE or ROLLBACK TO (Op.AUTOCOMMIT's p1),
         * with BEGIN's kind (p2) or the savepoint's name (p4, else null).
         */
        void transactionControl(int action, int beginKind, String savepoint);

        /**
         * Runs a PRAGMA (reading or changing what it names) and returns its
         * rows, each value a Long, a String or null, one per result column.
         */
        java.util.List<Object[]> pragma(PragmaCall call);

        /** ATTACH: opens {@code file} as a database of the connection called {@code name}. */
        void attach(String file, String name);

        /** DETACH: closes the attached database called {@code name}. */
        void detach(String name);

        /** VACUUM, or VACUUM INTO {@code into} when it is not null. */
        default void vacuum(String into) {
            throw new TursoException(ResultCode.ERROR, "not supported yet: VACUUM");
        }

        /** Adds {@code n} to the connection's count of deferred foreign key violations (checked at COMMIT). */
        default void addDeferredViolations(long n) {
        }

        /** The connection's count of deferred foreign key violations. */
        default long deferredViolations() {
            return 0;
        }

        /** Whether PRAGMA defer_foreign_keys is on: immediate violations then count as deferred ones. */
        default boolean deferForeignKeys() {
            return false;
        }

        /**
         * The virtual table is about to be written: the connection begins its
         * transaction (once per transaction) and ends it with the database's.
         */
        void virtualTableWritten(turso.api.spi.VirtualTable table);
    }

    private final Program program;
    private final Host host;
    private final Register[] registers;
    private final Register[] parameters;
    private final BTreeCursor[] cursors;
    /** How the keys of each index cursor compare (null for table cursors). */
    private final KeyInfo[] keyInfos;
    /** For a cursor on a WITHOUT ROWID table or its index: the fields holding the primary key (else null). */
    private final int[][] rowKeys;
    /** The in-memory storage behind each ephemeral cursor (null for others). */
    private final Storage[] ephemeral;
    /** The ONCE instructions that ran since the program started. */
    private final java.util.BitSet onceDone = new java.util.BitSet();
    /** Sorters, numbered like cursors. */
    private final Sorter[] sorters;
    /** States of aggregate functions, and the GroupTables of hash aggregates, numbered like cursors. */
    private final Object[] aggregates;
    /** Rows seen by DISTINCTs, numbered like cursors. */
    private final DistinctSet[] distincts;
    /** Cursors standing on a row of NULLs (NULL_ROW) until they move. */
    private final boolean[] nullRows;
    /** The rows of a PRAGMA not returned yet, numbered like cursors. */
    private final java.util.Iterator<?>[] pragmaRows;
    /** Cursors open on virtual tables, numbered like cursors. */
    private final VirtualCursors virtualCursors;
    private final RecordBuilder recordBuilder = new RecordBuilder();
    /** The key of the seek or comparison being done, rebuilt in place each time (never kept past the operation). */
    private final Record keyRecord = new Record();
    private byte[] keyBuffer = new byte[64];
    private MemorySegment keySegment = MemorySegment.ofArray(keyBuffer);
    private final ValueComparator comparator = new ValueComparator();
    private final RegisterArguments arguments = new RegisterArguments();
    private final RegisterResult result = new RegisterResult();
    private FunctionCall currentCall;
    private int pc;
    private int resultStart;
    private boolean halted;
    private int failAction;
    private long statementTime;
    /** Whether the program ended with RAISE(IGNORE). */
    private boolean raisedIgnore;
    /** The Vms of the trigger programs this one runs, made on first use. */
    private java.util.Map<Program, Vm> children;
    /** The connection as this program's triggers see it, made on first use. */
    private TriggerHost triggerHost;
    /** The Vm of the statement this one runs a trigger or foreign key program for (itself at the top). */
    private Vm statement = this;
    /** The statement's count of immediate foreign key violations (kept by the top Vm). */
    private long foreignKeyViolations;
    /** How many programs deep this Vm runs under the statement's. */
    private int depth;

    public Vm(Program program, Host host) {
        this.program = program;
        this.host = host;
        this.registers = new Register[program.registerCount];
        for (int i = 0; i < registers.length; i++) {
            registers[i] = new Register();
        }
        this.cursors = new BTreeCursor[program.cursorCount];
        this.keyInfos = new KeyInfo[program.cursorCount];
        this.rowKeys = new int[program.cursorCount][];
        this.ephemeral = new Storage[program.cursorCount];
        this.sorters = new Sorter[program.cursorCount];
        this.aggregates = new Object[program.cursorCount];
        this.distincts = new DistinctSet[program.cursorCount];
        this.nullRows = new boolean[program.cursorCount];
        this.pragmaRows = new java.util.Iterator<?>[program.cursorCount];
        this.virtualCursors = new VirtualCursors(program.cursorCount);
        this.parameters = new Register[program.parameterNames().size()];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = new Register();
        }
    }

    public Program program() {
        return program;
    }

    /** The register holding parameter {@code index} (1-based), for binding; SQLITE_RANGE if there is none. */
    public Register parameter(int index) {
        if (index < 1 || index > parameters.length) {
            throw new TursoException(ResultCode.RANGE, "column index out of range");
        }
        return parameters[index - 1];
    }

    public void clearBindings() {
        for (Register p : parameters) {
            p.setNull();
        }
    }

    /** Makes the program ready to run from its first instruction; bindings are kept. */
    public void reset() {
        closeCursors();
        onceDone.clear();
        pc = 0;
        halted = false;
        failAction = 0;
        statementTime = 0;
        foreignKeyViolations = 0;
    }

    /**
     * How the error that ended the run is undone: 0 (the statement's
     * changes, ABORT), {@link #HALT_FAIL} or {@link #HALT_ROLLBACK}.
     */
    public int failAction() {
        return failAction;
    }

    /** Register {@code i} of the current result row. */
    public Register result(int i) {
        return registers[resultStart + i];
    }

    /**
     * Runs until the next result row (true) or the end of the program
     * (false). After an error the program is halted; reset() to run again.
     */
    public boolean step() {
        if (halted) {
            return false;
        }
        if (statementTime == 0) {
            statementTime = System.currentTimeMillis();
        }
        try {
            boolean row = execute();
            if (!row) {
                closeCursors();
            }
            return row;
        } catch (TursoException e) {
            halt();
            throw e;
        } catch (StackOverflowError e) {
            halt();
            // a trigger program nested so deep that the stack ran out before MAX_TRIGGER_DEPTH
            throw depth > 0 ? new TursoException(ResultCode.ERROR, "too many levels of trigger recursion")
                    : new TursoException(ResultCode.NOMEM, "out of memory", e);
        } catch (OutOfMemoryError e) {
            halt();
            throw new TursoException(ResultCode.NOMEM, "out of memory", e);
        } catch (RuntimeException e) {
            halt();
            throw new TursoException(ResultCode.INTERNAL, "internal error: " + e, e);
        }
    }

    /**
     * Runs the program's JVM bytecode once the JIT has compiled it (JitState,
     * ProgramCompiler), else interprets it; compiled code hands back to the
     * interpreter at the instruction in pc when it stops short of a row.
     */
    private boolean execute() {
        CompiledProgram compiled = program.jit.code(program, pc == 0);
        if (compiled != null) {
            return compiled.run(this) == CompiledProgram.ROW || run();
        }
        long start = program.jit.watching() ? System.nanoTime() : 0;
        boolean row = run();
        if (start != 0) {
            program.jit.interpreted(System.nanoTime() - start);
        }
        return row;
    }

    private void halt() {
        halted = true;
        closeCursors();
    }

    /**
     * Opens cursor {@code c} on a new, empty table B-tree of its own, in
     * memory: an ephemeral table, or the schema table of a database that has
     * no page yet (an empty file reads as an empty database).
     */
    private void openEmpty(int c) {
        Storage storage = Storage.openMemory(turso.btree.StorageOptions.DEFAULT);
        storage.beginWrite();
        ephemeral[c] = storage;
        cursors[c] = storage.openTableCursor(storage.createTable());
        keyInfos[c] = null;
        nullRows[c] = false;
    }

    /** Closes cursor {@code c}, and drops its B-tree if it is ephemeral. */
    private void closeCursor(int c) {
        virtualCursors.close(c);
        rowKeys[c] = null;
        if (cursors[c] != null) {
            cursors[c].close();
            cursors[c] = null;
        }
        if (ephemeral[c] != null) {
            ephemeral[c].close();
            ephemeral[c] = null;
        }
    }

    private void closeCursors() {
        for (int c = 0; c < cursors.length; c++) {
            closeCursor(c);
            sorters[c] = null;
            aggregates[c] = null;
            distincts[c] = null;
            nullRows[c] = false;
            pragmaRows[c] = null;
        }
    }

    /**
     * OPEN_READ / OPEN_WRITE: opens cursor {@code c} on B-tree {@code root} of
     * database {@code db}, an index when {@code p4} describes its keys; a
     * read of a database that has no page yet sees an empty table.
     */
    private void openCursor(int c, int db, int root, Object p4, boolean write) {
        closeCursor(c);
        Storage storage = host.storage(db, write);
        if (p4 instanceof KeyInfo keyInfo) {
            cursors[c] = storage.openIndexCursor(root, keyInfo);
            keyInfos[c] = keyInfo;
        } else if (p4 instanceof RowKey rowKey) {
            cursors[c] = storage.openIndexCursor(root, rowKey.keyInfo());
            keyInfos[c] = rowKey.keyInfo();
            rowKeys[c] = rowKey.columns();
        } else if (!write && storage.pageCount() == 0) {
            openEmpty(c);
        } else {
            cursors[c] = storage.openTableCursor(root);
            keyInfos[c] = null;
        }
    }

    /** OPEN_EPHEMERAL: an index of keys {@code p4} (a KeyInfo) or a table, in memory. */
    private void openEphemeral(int c, Object p4) {
        closeCursor(c);
        if (p4 instanceof KeyInfo keyInfo) {
            Storage storage = Storage.openMemory(turso.btree.StorageOptions.DEFAULT);
            storage.beginWrite();
            ephemeral[c] = storage;
            cursors[c] = storage.openIndexCursor(storage.createIndex(), keyInfo);
            keyInfos[c] = keyInfo;
            nullRows[c] = false;
        } else {
            openEmpty(c);
        }
    }

    /** HALT's p3 for RAISE(IGNORE): the trigger program stops, and the row that fired it is skipped. */
    public static final int RAISE_IGNORE = 1;

    /** HALT's p2 for an error under OR FAIL: the statement's changes made so far are kept. */
    public static final int HALT_FAIL = 1;
    /** HALT's p2 for an error under OR ROLLBACK: the whole transaction is rolled back. */
    public static final int HALT_ROLLBACK = 2;

    /**
     * Runs a trigger program to its end, each statement in turn, with the
     * registers from {@code first} on as its parameters; true if it ran
     * RAISE(IGNORE). Its statements' changes do not count as this statement's.
     */
    private boolean runTrigger(SubProgram trigger, int first, int count) {
        if (trigger.condition() != null && !runChild(trigger.condition(), first, count, true)) {
            return false;
        }
        // a firing starts from the enclosing last_insert_rowid and gives it back unchanged, as in SQLite
        Long enclosingRowid = triggerHost == null ? null : triggerHost.lastRowid;
        try {
            for (Program statement : trigger.statements()) {
                Vm child = child(statement);
                runChild(statement, first, count, false);
                if (child.raisedIgnore) {
                    return true;
                }
            }
            return false;
        } finally {
            if (triggerHost != null) {
                triggerHost.lastRowid = enclosingRowid;
            }
        }
    }

    /** Runs {@code program} with the parameters given; true if it produced a row. */
    private boolean runChild(Program program, int first, int count, boolean wantRow) {
        Vm child = child(program);
        child.reset();
        child.raisedIgnore = false;
        child.statementTime = statementTime;
        for (int k = 0; k < Math.min(count, child.parameters.length); k++) {
            child.parameters[k].copyFrom(registers[first + k]);
        }
        boolean any = false;
        try {
            while (child.step()) {
                any = true;
                if (wantRow) {
                    child.reset();
                    return true;
                }
            }
        } catch (TursoException e) {
            // the trigger's error ends this statement, undone as the trigger's HALT says
            failAction = child.failAction;
            throw e;
        }
        return any;
    }

    private Vm child(Program program) {
        if (children == null) {
            children = new java.util.IdentityHashMap<>();
        }
        if (triggerHost == null) {
            // one view of the connection for every level of nested programs
            triggerHost = host instanceof TriggerHost nested ? nested : new TriggerHost(host);
        }
        return children.computeIfAbsent(program, p -> {
            if (depth >= MAX_TRIGGER_DEPTH) {
                throw new TursoException(ResultCode.ERROR, "too many levels of trigger recursion");
            }
            Vm vm = new Vm(p, triggerHost);
            vm.statement = statement;
            vm.depth = depth + 1;
            return vm;
        });
    }

    /** SQLite's SQLITE_MAX_TRIGGER_DEPTH: how deep trigger and foreign key action programs may nest. */
    private static final int MAX_TRIGGER_DEPTH = 1000;

    /** Adds {@code n} to the count of foreign key violations FK_COUNTER's p1 names. */
    private void countViolations(boolean deferred, long n) {
        if (deferred || host.deferForeignKeys()) {
            host.addDeferredViolations(n);
        } else {
            statement.foreignKeyViolations += n;
        }
    }

    /** Whether the count of foreign key violations FK_IF_ZERO's p1 names is zero. */
    private boolean noViolations(boolean deferred) {
        return deferred ? host.deferredViolations() == 0
                : statement.foreignKeyViolations == 0 && (!host.deferForeignKeys() || host.deferredViolations() == 0);
    }

    /** The number of rows {@code query} yields with the parameters given (at most one when {@code firstOnly}). */
    private long countRows(Program query, int first, int count, boolean firstOnly) {
        Vm child = child(query);
        child.reset();
        child.statementTime = statementTime;
        for (int k = 0; k < Math.min(count, child.parameters.length); k++) {
            child.parameters[k].copyFrom(registers[first + k]);
        }
        long rows = 0;
        while (child.step()) {
            rows++;
            if (firstOnly) {
                child.reset();
                break;
            }
        }
        return rows;
    }

    /** The connection as a trigger program sees it: its changes are not the statement's. */
    private static final class TriggerHost implements Host {
        private final Host host;
        /** last_insert_rowid() as the running trigger program set it, else null: the statement's. */
        private Long lastRowid;

        TriggerHost(Host host) {
            this.host = host;
        }

        @Override
        public long lastInsertRowid() {
            return lastRowid != null ? lastRowid : host.lastInsertRowid();
        }

        @Override
        public long changes() {
            return host.changes();
        }

        @Override
        public long totalChanges() {
            return host.totalChanges();
        }

        @Override
        public boolean isInterrupted() {
            return host.isInterrupted();
        }

        @Override
        public Storage storage() {
            return host.storage();
        }

        @Override
        public Storage storage(int db, boolean write) {
            return host.storage(db, write);
        }

        @Override
        public void beginTransaction(int db, boolean write) {
            host.beginTransaction(db, write);
        }

        @Override
        public void rowChanged(long rowid, boolean lastRowid) {
            host.triggerRowChanged();
            if (lastRowid) {
                this.lastRowid = rowid;
            }
        }

        @Override
        public void triggerRowChanged() {
            host.triggerRowChanged();
        }

        @Override
        public void schemaChanged(int db) {
            host.schemaChanged(db);
        }

        @Override
        public void transactionControl(int action, int beginKind, String savepoint) {
            host.transactionControl(action, beginKind, savepoint);
        }

        @Override
        public java.util.List<Object[]> pragma(PragmaCall call) {
            return host.pragma(call);
        }

        @Override
        public void attach(String file, String name) {
            host.attach(file, name);
        }

        @Override
        public void detach(String name) {
            host.detach(name);
        }

        @Override
        public void addDeferredViolations(long n) {
            host.addDeferredViolations(n);
        }

        @Override
        public long deferredViolations() {
            return host.deferredViolations();
        }

        @Override
        public boolean deferForeignKeys() {
            return host.deferForeignKeys();
        }

        @Override
        public void virtualTableWritten(turso.api.spi.VirtualTable table) {
            host.virtualTableWritten(table);
        }
    }

    /**
     * The interpreter loop. Only the instructions a loop runs row after row
     * are dispatched here, each in a line or two (larger bodies are methods
     * of their own), so that this method stays small: C2 compiles it within
     * the first second of a scan and inlines what the rows need into it.
     * Everything else (opening cursors, schema changes, pragmas, triggers...)
     * goes to {@link #runCold}.
     */
    private boolean run() {
        final int[] op = program.op;
        final int[] p1 = program.p1;
        final int[] p2 = program.p2;
        final int[] p3 = program.p3;
        final Object[] p4 = program.p4;
        final Register[] r = registers;
        int i = pc;
        while (true) {
            switch (op[i]) {
                case Op.INIT, Op.GOTO -> {
                    if (p2[i] <= i) {
                        checkInterrupt();
                    }
                    i = p2[i];
                    continue;
                }
                case Op.INTEGER -> r[p2[i]].setLong(p1[i]);
                case Op.INT64 -> r[p2[i]].setLong((Long) p4[i]);
                case Op.REAL -> r[p2[i]].setDouble((Double) p4[i]);
                case Op.STRING8 -> r[p2[i]].setText((byte[]) p4[i]);
                case Op.NULL -> setNull(p2[i], p3[i]);
                case Op.VARIABLE -> r[p2[i]].copyFrom(parameters[p1[i] - 1]);
                case Op.COPY -> r[p2[i]].copyFrom(r[p1[i]]);
                case Op.ADD -> Arithmetic.add(r[p1[i]], r[p2[i]], r[p3[i]]);
                case Op.SUBTRACT -> Arithmetic.subtract(r[p1[i]], r[p2[i]], r[p3[i]]);
                case Op.MULTIPLY -> Arithmetic.multiply(r[p1[i]], r[p2[i]], r[p3[i]]);
                case Op.DIVIDE -> Arithmetic.divide(r[p1[i]], r[p2[i]], r[p3[i]]);
                case Op.CONCAT -> Arithmetic.concat(r[p1[i]], r[p2[i]], r[p3[i]]);
                case Op.AND -> Arithmetic.and(r[p1[i]], r[p2[i]], r[p3[i]]);
                case Op.OR -> Arithmetic.or(r[p1[i]], r[p2[i]], r[p3[i]]);
                case Op.NOT -> Arithmetic.not(r[p1[i]], r[p2[i]]);
                case Op.COMPARE -> compare((Comparison) p4[i], r[p1[i]], r[p2[i]], r[p3[i]]);
                case Op.IF -> {
                    if (jumpIf(r[p1[i]], p3[i] != 0, true)) {
                        i = p2[i];
                        continue;
                    }
                }
                case Op.IF_NOT -> {
                    if (jumpIf(r[p1[i]], p3[i] != 0, false)) {
                        i = p2[i];
                        continue;
                    }
                }
                case Op.IS_NULL -> {
                    if (r[p1[i]].isNull()) {
                        i = p2[i];
                        continue;
                    }
                }
                case Op.NOT_NULL -> {
                    if (!r[p1[i]].isNull()) {
                        i = p2[i];
                        continue;
                    }
                }
                case Op.FUNCTION -> call((FunctionCall) p4[i], p1[i], p2[i], r[p3[i]]);
                case Op.CAST -> Cast.apply(r[p1[i]], (Affinity) p4[i]);
                case Op.RESULT_ROW -> {
                    resultStart = p1[i];
                    pc = i + 1;
                    checkInterrupt();
                    return true;
                }
                case Op.REWIND -> {
                    if (!rewind(p1[i])) {
                        i = p2[i];
                        continue;
                    }
                }
                case Op.NEXT -> {
                    if (next(p1[i])) {
                        i = p2[i];
                        continue;
                    }
                }
                case Op.COLUMN -> column(p1[i], p2[i], r[p3[i]], (Register) p4[i]);
                case Op.ROWID -> rowid(p1[i], r[p2[i]]);
                case Op.NULL_ROW -> nullRows[p1[i]] = true;
                case Op.SEEK_ROWID -> {
                    if (!seekRowid(p1[i], r[p3[i]])) {
                        i = p2[i];
                        continue;
                    }
                }
                case Op.SEEK_GE, Op.SEEK_GT, Op.SEEK_LE, Op.SEEK_LT -> {
                    nullRows[p1[i]] = false;
                    if (!seek(op[i], p1[i], p3[i], (Integer) p4[i])) {
                        i = p2[i];
                        continue;
                    }
                }
                case Op.IDX_GE, Op.IDX_GT, Op.IDX_LE, Op.IDX_LT -> {
                    if (indexCompare(op[i], p1[i], p3[i], (Integer) p4[i])) {
                        i = p2[i];
                        continue;
                    }
                }
                case Op.IDX_ROWID -> indexRowid(p1[i], r[p2[i]]);
                case Op.NOT_EXISTS -> {
                    if (notExists(p1[i], r[p3[i]])) {
                        i = p2[i];
                        continue;
                    }
                }
                case Op.NO_CONFLICT -> {
                    if (noConflict(p1[i], p3[i], (Integer) p4[i])) {
                        i = p2[i];
                        continue;
                    }
                }
                case Op.MUST_BE_INT -> mustBeInt(r[p1[i]]);
                case Op.AFFINITY -> applyAffinities((Affinity[]) p4[i], p1[i], p2[i]);
                case Op.MAKE_RECORD -> r[p3[i]].setBlob(makeRecord(r, p1[i], p2[i]));
                case Op.NEW_ROWID -> newRowid(p1[i], r[p2[i]], r[p3[i]], program.p5[i] == 1);
                case Op.INSERT -> insert(p1[i], r[p2[i]], r[p3[i]], program.p5[i]);
                case Op.IDX_INSERT -> indexInsert(p1[i], r[p2[i]]);
                case Op.IDX_DELETE -> indexDelete(p1[i], p2[i], p3[i]);
                case Op.DELETE -> delete(p1[i], program.p5[i]);
                case Op.DISTINCT -> {
                    if (!distinct(p1[i], (SortOrder) p4[i], p3[i])) {
                        i = p2[i];
                        continue;
                    }
                }
                case Op.AGG_STEP -> aggregate(p4[i]).step(aggregates[p1[i]], arguments.bind(r, p2[i], p3[i]));
                case Op.SORTER_INSERT -> sorters[p1[i]].insert(r, p2[i], p3[i]);
                case Op.SORTER_SKIP -> {
                    if (sorters[p1[i]].cannotEnter(r, p3[i])) {
                        i = p2[i];
                        continue;
                    }
                }
                case Op.SORTER_COLUMN -> r[p3[i]].copyFrom(sorters[p1[i]].column(p2[i]));
                case Op.GROUP_FIND -> ((GroupTable) aggregates[p1[i]]).find(r, p2[i], aggregates, distincts);
                case Op.SORTER_NEXT -> {
                    if (sorterNext(p1[i])) {
                        i = p2[i];
                        continue;
                    }
                }
                case Op.IF_POS -> {
                    if (ifPositive(r[p1[i]], p3[i])) {
                        i = p2[i];
                        continue;
                    }
                }
                case Op.DECR_JUMP_ZERO -> {
                    if (decrementToZero(r[p1[i]])) {
                        i = p2[i];
                        continue;
                    }
                }
                default -> {
                    i = runCold(i);
                    if (i < 0) {
                        return false;
                    }
                    continue;
                }
            }
            i++;
        }
    }

    /**
     * Runs instruction {@code i}, one of those {@link #run} leaves out;
     * returns the index of the next instruction, or -1 when the program
     * halted.
     */
    private int runCold(int i) {
        final int[] op = program.op;
        final int[] p1 = program.p1;
        final int[] p2 = program.p2;
        final int[] p3 = program.p3;
        final Object[] p4 = program.p4;
        final Register[] r = registers;
        switch (op[i]) {
            case Op.HALT -> {
                halted = true;
                pc = i;
                raisedIgnore = p3[i] == RAISE_IGNORE;
                if (p1[i] != ResultCode.OK.code()) {
                    failAction = p2[i];
                    throw new TursoException(ResultCode.of(p1[i]), p4[i] instanceof Integer message
                            ? java.util.Objects.requireNonNullElse(r[message].toText(), "") : (String) p4[i]);
                }
                if (statement == this && foreignKeyViolations > 0) {
                    throw new TursoException(ResultCode.CONSTRAINT_FOREIGNKEY, "FOREIGN KEY constraint failed");
                }
                return -1;
            }
            case Op.PROGRAM -> {
                if (runTrigger((SubProgram) p4[i], p1[i], p3[i])) {
                    return p2[i];
                }
            }
            case Op.FK_COUNTER -> countViolations(p1[i] != 0, p3[i] == 0 ? p2[i] : p2[i] * r[p3[i]].toLong());
            case Op.FK_IF_ZERO -> {
                if (noViolations(p1[i] != 0)) {
                    return p2[i];
                }
            }
            case Op.COUNT_ROWS -> r[p2[i]].setLong(countRows((Program) p4[i], p1[i], p3[i], program.p5[i] == 1));
            case Op.BLOB -> r[p2[i]].setBlob((byte[]) p4[i]);
            case Op.REMAINDER -> Arithmetic.remainder(r[p1[i]], r[p2[i]], r[p3[i]]);
            case Op.BIT_AND -> Arithmetic.bitAnd(r[p1[i]], r[p2[i]], r[p3[i]]);
            case Op.BIT_OR -> Arithmetic.bitOr(r[p1[i]], r[p2[i]], r[p3[i]]);
            case Op.SHIFT_LEFT -> Arithmetic.shiftLeft(r[p1[i]], r[p2[i]], r[p3[i]]);
            case Op.SHIFT_RIGHT -> Arithmetic.shiftRight(r[p1[i]], r[p2[i]], r[p3[i]]);
            case Op.BIT_NOT -> Arithmetic.bitNot(r[p1[i]], r[p2[i]]);
            case Op.NEGATE -> Arithmetic.negate(r[p1[i]], r[p2[i]]);
            case Op.IS_TRUE -> isTrue(r[p1[i]], p3[i], r[p2[i]]);
            case Op.TRANSACTION -> host.beginTransaction(p1[i], p2[i] != 0);
            case Op.OPEN_READ, Op.OPEN_WRITE -> openCursor(p1[i], p3[i],
                    (program.p5[i] & Op.ROOT_IN_REGISTER) != 0 ? (int) r[p2[i]].longValue() : p2[i], p4[i],
                    op[i] == Op.OPEN_WRITE);
            case Op.OPEN_EPHEMERAL -> openEphemeral(p1[i], p4[i]);
            case Op.CLEAR -> host.storage(p2[i], true).clearTree(p1[i]);
            case Op.SORTER_BOUND -> sorterBound(p1[i], r[p2[i]], p3[i] == 0 ? null : r[p3[i]]);
            case Op.ONCE -> {
                if (once(i)) {
                    return p2[i];
                }
            }
            case Op.SORTER_FOUND -> {
                if (sorters[p1[i]].contains(r[p3[i]])) {
                    return p2[i];
                }
            }
            case Op.LAST -> {
                if (!last(p1[i])) {
                    return p2[i];
                }
            }
            case Op.PREV -> {
                if (prev(p1[i])) {
                    return p2[i];
                }
            }
            case Op.AUTOCOMMIT -> host.transactionControl(p1[i], p2[i], (String) p4[i]);
            case Op.DESTROY -> host.storage(p2[i], true).dropTree((int) r[p1[i]].toLong());
            case Op.CREATE_BTREE -> {
                Storage storage = host.storage(p3[i], true);
                r[p2[i]].setLong(p1[i] == 1 ? storage.createIndex() : storage.createTable());
            }
            case Op.BUMP_SCHEMA_COOKIE -> {
                Storage storage = host.storage(p1[i], true);
                storage.setHeaderField(HeaderField.SCHEMA_COOKIE, storage.headerField(HeaderField.SCHEMA_COOKIE) + 1);
            }
            case Op.PARSE_SCHEMA -> host.schemaChanged(p1[i]);
            case Op.ATTACH -> host.attach(r[p1[i]].isNull() ? "" : r[p1[i]].toText(),
                    r[p2[i]].isNull() ? "" : r[p2[i]].toText());
            case Op.DETACH -> host.detach(r[p1[i]].isNull() ? "" : r[p1[i]].toText());
            case Op.DISTINCT_CLEAR -> distincts[p1[i]] = null;
            case Op.AGG_RESET -> aggregateReset(p4[i], p1[i]);
            case Op.AGG_FINAL -> aggregateFinal(p4[i], p1[i], r[p2[i]]);
            case Op.SORTER_OPEN -> sorters[p1[i]] = new Sorter((SortOrder) p4[i]);
            case Op.GROUP_OPEN -> aggregates[p1[i]] = new GroupTable((GroupSpec) p4[i]);
            case Op.GROUP_SORT -> {
                if (!groupSort(p1[i], p3[i])) {
                    return p2[i];
                }
            }
            case Op.GROUP_NEXT -> {
                if (groupNext(p1[i], p3[i])) {
                    return p2[i];
                }
            }
            case Op.WINDOW -> new WindowEvaluator().evaluate(sorters[p1[i]].rows(), (WindowPlan) p4[i]);
            case Op.TYPE_CHECK -> ((StrictTypes) p4[i]).check(r, p1[i]);
            case Op.SORTER_SORT -> {
                if (!sorters[p1[i]].sort()) {
                    return p2[i];
                }
            }
            case Op.SORTER_COMBINE -> sorters[p1[i]].combine(sorters[p2[i]], Sorter.Combine.values()[p3[i]],
                    (SortOrder) p4[i]);
            case Op.PRAGMA -> {
                PragmaCall call = (PragmaCall) p4[i];
                if (program.p5[i] != 0 && pragmaRows[p1[i]] == null) {
                    Register argument = r[program.p5[i] - 1];
                    call = new PragmaCall(call.pragma(), argument.isNull() ? null : argument.toText(), call.db());
                }
                if (!pragmaRow(p1[i], call, r, p3[i])) {
                    return p2[i];
                }
            }
            case Op.VACUUM -> {
                String into = null;
                if (p1[i] > 0) {
                    Register file = r[p1[i] - 1];
                    if (file.type() != DataType.TEXT) {
                        throw new TursoException(ResultCode.ERROR, "non-text filename");
                    }
                    into = file.toText();
                }
                host.vacuum(into);
            }
            case Op.VOPEN -> {
                closeCursor(p1[i]);
                virtualCursors.open(p1[i], (turso.api.spi.VirtualTable) p4[i]);
                nullRows[p1[i]] = false;
            }
            case Op.VFILTER -> {
                nullRows[p1[i]] = false;
                if (!virtualCursors.filter(p1[i], (VirtualFilter) p4[i], r, p3[i])) {
                    return p2[i];
                }
            }
            case Op.VNEXT -> {
                if (virtualCursors.next(p1[i])) {
                    checkInterrupt();
                    return p2[i];
                }
            }
            case Op.VUPDATE -> {
                host.virtualTableWritten((turso.api.spi.VirtualTable) p4[i]);
                Long rowid = virtualCursors.update((turso.api.spi.VirtualTable) p4[i], r, p3[i], p2[i]);
                if ((program.p5[i] & Op.COUNT_CHANGE) != 0) {
                    host.rowChanged(rowid == null ? 0 : rowid, rowid != null && (program.p5[i] & Op.SET_LAST_ROWID) != 0);
                }
            }
            case Op.VDDL -> ((Runnable) p4[i]).run();
            default -> throw new TursoException(ResultCode.INTERNAL, "unknown opcode " + op[i] + " at " + i);
        }
        return i + 1;
    }

    private void setNull(int from, int to) {
        int last = Math.max(from, to);
        for (int k = from; k <= last; k++) {
            registers[k].setNull();
        }
    }

    private void compare(Comparison c, Register a, Register b, Register out) {
        comparator.compare(c.op(), a, b, c.affinity(), c.collation(), out);
    }

    /** IF ({@code when} true) and IF_NOT: whether to jump on {@code v}; a NULL jumps when {@code nullJumps}. */
    private static boolean jumpIf(Register v, boolean nullJumps, boolean when) {
        return v.isNull() ? nullJumps : v.isTrue() == when;
    }

    private boolean rewind(int c) {
        nullRows[c] = false;
        return cursors[c].first();
    }

    /** LAST: whether cursor {@code c} has a last row (and stands on it). */
    private boolean last(int c) {
        nullRows[c] = false;
        return cursors[c].last();
    }

    /** PREV: whether cursor {@code c} moved back to another row (the loop goes on). */
    private boolean prev(int c) {
        nullRows[c] = false;
        if (cursors[c].prev()) {
            checkInterrupt();
            return true;
        }
        return false;
    }

    /** IS_TRUE (p3 = 0) and IS FALSE (p3 = 1): 1 or 0, NULL giving 0. */
    private static void isTrue(Register v, int p3, Register out) {
        boolean truth = !v.isNull() && v.isTrue() == (p3 == 0);
        out.setLong(truth ? 1 : 0);
    }

    /** SORTER_BOUND: keeps the first LIMIT + OFFSET rows of sorter {@code s}; {@code offset} is null when there is none. */
    private void sorterBound(int s, Register limit, Register offset) {
        long n = limit.longValue();
        long skip = offset == null ? 0 : Math.max(0, offset.longValue());
        if (n >= 0) {
            sorters[s].bound(n + skip);
        }
    }

    /** ONCE at instruction {@code i}: true (jump) if it already ran since the program started. */
    private boolean once(int i) {
        if (onceDone.get(i)) {
            return true;
        }
        onceDone.set(i);
        return false;
    }

    /** AGG_RESET: a new state of aggregate {@code function} in slot {@code c}. */
    private void aggregateReset(Object function, int c) {
        aggregates[c] = aggregate(function).newState();
    }

    /** AGG_FINAL: r[out] = the result of aggregate {@code function} over the state in slot {@code c}. */
    private void aggregateFinal(Object function, int c, Register out) {
        result.reset(out);
        aggregate(function).finish(aggregates[c], result);
        result.throwIfError();
    }

    /** GROUP_SORT: false when hash aggregate {@code c} has no group; else the first is current, its keys in r[keysTo..]. */
    private boolean groupSort(int c, int keysTo) {
        return ((GroupTable) aggregates[c]).sort(registers, keysTo, aggregates, distincts);
    }

    /** GROUP_NEXT: whether hash aggregate {@code c} moved to another group (the loop goes on). */
    private boolean groupNext(int c, int keysTo) {
        if (((GroupTable) aggregates[c]).next(registers, keysTo, aggregates, distincts)) {
            checkInterrupt();
            return true;
        }
        return false;
    }

    /** NEXT: whether cursor {@code c} moved to another row (the loop goes on). */
    private boolean next(int c) {
        nullRows[c] = false;
        if (cursors[c].next()) {
            checkInterrupt();
            return true;
        }
        return false;
    }

    private void column(int c, int col, Register out, Register missing) {
        if (nullRows[c]) {
            out.setNull();
        } else if (virtualCursors.isVirtual(c)) {
            virtualCursors.column(c, col, out);
        } else {
            column(cursors[c], col, out, missing);
        }
    }

    private void rowid(int c, Register out) {
        if (nullRows[c]) {
            out.setNull();
        } else if (virtualCursors.isVirtual(c)) {
            out.setLong(virtualCursors.rowid(c));
        } else if (rowKeys[c] != null) {
            out.setBlob(rowKeyOf(cursors[c].key(), rowKeys[c]));
        } else {
            out.setLong(cursors[c].rowid());
        }
    }

    /** SEEK_ROWID: whether cursor {@code c} now stands on the row {@code key} names. */
    private boolean seekRowid(int c, Register key) {
        if (rowKeys[c] != null) {
            if (!seekRowKey(c, key)) {
                return false;
            }
            nullRows[c] = false;
            return true;
        }
        long rowid;
        if (key.type() == DataType.INTEGER) {
            // the usual key (a rowid read from an index or a column): no conversion, nothing boxed
            rowid = key.longValue();
        } else {
            Long exact = Rowids.exact(key);
            if (exact == null) {
                return false;
            }
            rowid = exact;
        }
        if (!cursors[c].seek(rowid, SeekOp.EQ)) {
            return false;
        }
        nullRows[c] = false;
        return true;
    }

    /** IDX_GE .. IDX_LT: whether the index entry under cursor {@code c} compares with the key as {@code op} asks. */
    private boolean indexCompare(int op, int c, int first, int count) {
        int cmp = RecordComparator.compare(cursors[c].key(), key(first, count), keyInfos[c]);
        return switch (op) {
            case Op.IDX_GE -> cmp >= 0;
            case Op.IDX_GT -> cmp > 0;
            case Op.IDX_LE -> cmp <= 0;
            default -> cmp < 0;
        };
    }

    private void indexRowid(int c, Register out) {
        if (nullRows[c]) {
            out.setNull();
        } else if (rowKeys[c] != null) {
            out.setBlob(rowKeyOf(cursors[c].key(), rowKeys[c]));
        } else {
            Record key = cursors[c].key();
            out.setLong(key.getLong(key.columnCount() - 1));
        }
    }

    private boolean notExists(int c, Register key) {
        return rowKeys[c] != null ? !seekRowKey(c, key) : !cursors[c].seek(key.longValue(), SeekOp.EQ);
    }

    /** NO_CONFLICT: whether the key r[first..first+count-1] has a NULL or is not in index {@code c}. */
    private boolean noConflict(int c, int first, int count) {
        for (int k = 0; k < count; k++) {
            if (registers[first + k].type() == DataType.NULL) {
                return true;
            }
        }
        return !cursors[c].seek(key(first, count), SeekOp.EQ);
    }

    private void applyAffinities(Affinity[] affinities, int first, int count) {
        for (int k = 0; k < count; k++) {
            affinities[k].apply(registers[first + k]);
        }
    }

    private void newRowid(int c, Register out, Register counter, boolean autoincrement) {
        if (autoincrement) {
            long next = Math.max(newRowid(cursors[c]) - 1, counter.longValue());
            if (next == Long.MAX_VALUE) {
                throw new TursoException(ResultCode.FULL, "database or disk is full");
            }
            counter.setLong(next + 1);
            out.setLong(next + 1);
        } else {
            out.setLong(newRowid(cursors[c]));
        }
    }

    private void insert(int c, Register record, Register rowidRegister, int flags) {
        if (rowKeys[c] != null) {
            insertRow(c, record);
            if ((flags & Op.COUNT_CHANGE) != 0) {
                host.rowChanged(0, false);
            }
            return;
        }
        long rowid = rowidRegister.longValue();
        cursors[c].insert(rowid, java.util.Arrays.copyOfRange(record.bytes(), record.offset(),
                record.offset() + record.length()));
        if ((flags & Op.COUNT_CHANGE) != 0) {
            host.rowChanged(rowid, (flags & Op.SET_LAST_ROWID) != 0);
        }
    }

    private void indexInsert(int c, Register record) {
        cursors[c].insert(java.util.Arrays.copyOfRange(record.bytes(), record.offset(),
                record.offset() + record.length()));
    }

    private void indexDelete(int c, int first, int count) {
        BTreeCursor cursor = cursors[c];
        if (cursor.seek(key(first, count), SeekOp.EQ)) {
            cursor.delete();
        }
    }

    private void delete(int c, int flags) {
        BTreeCursor cursor = cursors[c];
        long rowid = rowKeys[c] != null ? 0 : cursor.rowid();
        cursor.delete();
        if ((flags & Op.COUNT_CHANGE) != 0) {
            host.rowChanged(rowid, false);
        }
    }

    /** DISTINCT: whether the row r[first..] was not seen yet by set {@code d} (and is now). */
    private boolean distinct(int d, SortOrder order, int first) {
        if (distincts[d] == null) {
            distincts[d] = new DistinctSet(order);
        }
        return distincts[d].add(registers, first);
    }

    private boolean sorterNext(int s) {
        if (sorters[s].next()) {
            checkInterrupt();
            return true;
        }
        return false;
    }

    /** IF_POS: a positive counter is decreased by {@code by} and the program jumps. */
    private static boolean ifPositive(Register v, int by) {
        if (v.longValue() > 0) {
            v.setLong(v.longValue() - by);
            return true;
        }
        return false;
    }

    /** DECR_JUMP_ZERO: a positive counter is decreased, and the program jumps when it reaches zero. */
    private static boolean decrementToZero(Register v) {
        if (v.longValue() > 0) {
            v.setLong(v.longValue() - 1);
            return v.longValue() == 0;
        }
        return false;
    }

    /** Loads the pragma's next row into r[first..]; false when all were returned. */
    private boolean pragmaRow(int slot, PragmaCall call, Register[] r, int first) {
        if (pragmaRows[slot] == null) {
            pragmaRows[slot] = host.pragma(call).iterator();
        }
        if (!pragmaRows[slot].hasNext()) {
            pragmaRows[slot] = null;
            return false;
        }
        Object[] row = (Object[]) pragmaRows[slot].next();
        for (int k = 0; k < row.length; k++) {
            Register out = r[first + k];
            switch (row[k]) {
                case null -> out.setNull();
                case Long v -> out.setLong(v);
                case String v -> out.setText(v);
                default -> throw new IllegalStateException("pragma value " + row[k].getClass());
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static AggregateFunction<Object> aggregate(Object function) {
        return (AggregateFunction<Object>) function;
    }

    /** Column {@code col} of the cursor's row; a row written before the column existed gets its default. */
    private static void column(BTreeCursor cursor, int col, Register out, Register missing) {
        Record record = cursor.record();
        // by serial type: -1 past the record's end, 0 NULL, 1..6, 8 and 9 integers, 7 real, even >= 12 blob, odd >= 13 text
        long t = record.serialTypeOrMissing(col);
        if (t < 0) {
            if (missing == null) {
                out.setNull();
            } else {
                out.copyFrom(missing);
            }
        } else if (t == 7) {
            out.setDouble(record.realAt(col));
        } else if (t == 0) {
            out.setNull();
        } else if (t < 12) {
            out.setLong(record.integerAt(col, t));
        } else if ((t & 1) == 0) {
            out.setBlob(record.getBytes(col));
        } else {
            out.setText(record.getBytes(col));
        }
    }

    /** The record of the primary key fields {@code columns} of entry {@code entry} (a WITHOUT ROWID row's stand-in rowid). */
    private byte[] rowKeyOf(Record entry, int[] columns) {
        RecordBuilder b = recordBuilder.clear();
        for (int col : columns) {
            if (col >= entry.columnCount()) {
                b.addNull();
                continue;
            }
            switch (entry.type(col)) {
                case NULL -> b.addNull();
                case INTEGER -> b.addLong(entry.getLong(col));
                case REAL -> b.addDouble(entry.getDouble(col));
                case TEXT -> b.addText(entry.getBytes(col));
                case BLOB -> b.addBlob(entry.getBytes(col));
            }
        }
        return b.build();
    }

    /** Moves WITHOUT ROWID table cursor {@code c} to the row whose primary key record is in {@code key}. */
    private boolean seekRowKey(int c, Register key) {
        if (key.type() != DataType.BLOB) {
            return false;
        }
        Record record = Record.of(java.util.Arrays.copyOfRange(key.bytes(), key.offset(), key.offset() + key.length()));
        return cursors[c].seek(record, SeekOp.EQ);
    }

    /** Writes a WITHOUT ROWID table's row, replacing the row with the same primary key if there is one. */
    private void insertRow(int c, Register record) {
        byte[] row = java.util.Arrays.copyOfRange(record.bytes(), record.offset(), record.offset() + record.length());
        BTreeCursor cursor = cursors[c];
        if (cursor.seek(Record.of(rowKeyOf(Record.of(row), rowKeys[c])), SeekOp.EQ)) {
            cursor.delete();
        }
        cursor.insert(row);
    }

    /** The index key (or key prefix) r[first] .. r[first+count-1] as a record. */
    private Record key(int first, int count) {
        fillRecordBuilder(registers, first, count);
        int size = recordBuilder.size();
        if (size > keyBuffer.length) {
            keyBuffer = new byte[Math.max(size, 2 * keyBuffer.length)];
            keySegment = MemorySegment.ofArray(keyBuffer);
        }
        recordBuilder.writeTo(keyBuffer);
        keyRecord.reset(keySegment, 0, size);
        return keyRecord;
    }

    /** SEEK_GE .. SEEK_LT on cursor {@code c}: whether it found an entry. */
    private boolean seek(int op, int c, int first, int count) {
        BTreeCursor cursor = cursors[c];
        if (keyInfos[c] != null) {
            return cursor.seek(key(first, count), seekOp(op));
        }
        Rowids.Bound bound = Rowids.bound(registers[first], seekOp(op));
        return switch (bound) {
            case Rowids.Bound.None n -> false;
            case Rowids.Bound.Last l -> cursor.last();
            case Rowids.Bound.At at -> cursor.seek(at.rowid(), at.op());
        };
    }

    private static SeekOp seekOp(int op) {
        return switch (op) {
            case Op.SEEK_GE -> SeekOp.GE;
            case Op.SEEK_GT -> SeekOp.GT;
            case Op.SEEK_LE -> SeekOp.LE;
            default -> SeekOp.LT;
        };
    }

    /** One more than the largest rowid; SQLite's random search when that is taken is not needed below 2^63-1. */
    private static long newRowid(BTreeCursor cursor) {
        if (!cursor.last()) {
            return 1;
        }
        long max = cursor.rowid();
        if (max == Long.MAX_VALUE) {
            throw new TursoException(ResultCode.FULL, "database or disk is full");
        }
        return max + 1;
    }

    private byte[] makeRecord(Register[] r, int first, int count) {
        fillRecordBuilder(r, first, count);
        return recordBuilder.build();
    }

    private void fillRecordBuilder(Register[] r, int first, int count) {
        RecordBuilder b = recordBuilder.clear();
        for (int k = first; k < first + count; k++) {
            Register v = r[k];
            switch (v.type()) {
                case NULL -> b.addNull();
                case INTEGER -> b.addLong(v.longValue());
                case REAL -> b.addDouble(v.doubleValue());
                case TEXT -> b.addText(v.bytes(), v.offset(), v.length());
                case BLOB -> b.addBlob(v.bytes(), v.offset(), v.length());
            }
        }
    }

    /** Integer rowids: an integer, or text or a real that holds one exactly, else "datatype mismatch". */
    private static void mustBeInt(Register v) {
        if (v.type() != DataType.INTEGER) {
            Affinity.INTEGER.apply(v);
            if (v.type() != DataType.INTEGER) {
                throw new TursoException(ResultCode.MISMATCH, "datatype mismatch");
            }
        }
    }

    /**
     * Stops the statement with SQLITE_INTERRUPT if the connection was
     * interrupted: checked at each row a loop advances to, each result
     * row and each backward GOTO (a loop closed by a jump, such as a
     * recursive WITH table's), so a long scan, join or recursion stops
     * promptly.
     */
    private void checkInterrupt() {
        if (host.isInterrupted()) {
            throw new TursoException(ResultCode.INTERRUPT);
        }
    }

    private void call(FunctionCall call, int first, int count, Register out) {
        currentCall = call;
        arguments.bind(registers, first, count);
        result.reset(out);
        call.function().invoke(this, arguments, result);
        result.throwIfError();
    }

    @Override
    public long lastInsertRowid() {
        return host.lastInsertRowid();
    }

    @Override
    public long changes() {
        return host.changes();
    }

    @Override
    public long totalChanges() {
        return host.totalChanges();
    }

    @Override
    public long statementTimeMillis() {
        return statementTime;
    }

    @Override
    public Object auxData(int argument) {
        return currentCall == null ? null : currentCall.auxData(argument);
    }

    @Override
    public void setAuxData(int argument, Object data) {
        if (currentCall != null) {
            currentCall.setAuxData(argument, data);
        }
    }
}
