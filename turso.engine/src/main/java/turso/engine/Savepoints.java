/*
 * A connection's stack of named savepoints (SAVEPOINT name), innermost
 * last. Names match case-insensitively, the most recent of a name first.
 * Each savepoint holds a storage savepoint in every database the
 * transaction writes (main, temp, attached ones). A database that had not
 * been written when a savepoint was set has no storage savepoint for it
 * yet: nothing there can need undoing back to it until the first write,
 * when every such savepoint is given one, in order. Each keeps the count
 * of deferred foreign key violations when it was set, which ROLLBACK TO
 * restores, as in SQLite.
 */
package turso.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.btree.Storage;

final class Savepoints {

    private static final class Entry {
        final String name;
        /** The storage savepoint's depth in each database written, by its storage. */
        final Map<Storage, Integer> depths = new IdentityHashMap<>();
        final long deferredViolations;

        Entry(String name, long deferredViolations) {
            this.name = name;
            this.deferredViolations = deferredViolations;
        }
    }

    private final List<Entry> stack = new ArrayList<>();

    boolean isEmpty() {
        return stack.isEmpty();
    }

    void clear() {
        stack.clear();
    }

    /**
     * SAVEPOINT: {@code writing} are the storages of the databases with a
     * write transaction open; {@code deferredViolations}, the connection's
     * count now.
     */
    void push(String name, List<Storage> writing, long deferredViolations) {
        Entry e = new Entry(name, deferredViolations);
        for (Storage storage : writing) {
            e.depths.put(storage, storage.savepoint());
        }
        stack.add(e);
    }

    /** A write transaction began on {@code storage}: every savepoint without a storage savepoint there gets one. */
    void writeStarted(Storage storage) {
        for (Entry e : stack) {
            if (!e.depths.containsKey(storage)) {
                e.depths.put(storage, storage.savepoint());
            }
        }
    }

    /** Whether {@code name} names the outermost savepoint (RELEASE of it ends a transaction SAVEPOINT began). */
    boolean isOutermost(String name) {
        return find(name) == 0;
    }

    /** RELEASE: removes savepoint {@code name} and those set after it, keeping their changes. */
    void release(String name) {
        int i = find(name);
        stack.get(i).depths.forEach((storage, depth) -> storage.releaseSavepoint(depth));
        stack.subList(i, stack.size()).clear();
    }

    /**
     * ROLLBACK TO: undoes the changes since savepoint {@code name}, which
     * stays; those set after it go. Returns the count of deferred foreign
     * key violations when it was set.
     */
    long rollbackTo(String name) {
        int i = find(name);
        stack.get(i).depths.forEach((storage, depth) -> storage.rollbackToSavepoint(depth));
        stack.subList(i + 1, stack.size()).clear();
        return stack.get(i).deferredViolations;
    }

    /** Checks that {@code name} is on the stack. */
    void require(String name) {
        find(name);
    }

    private int find(String name) {
        for (int i = stack.size() - 1; i >= 0; i--) {
            if (sameName(stack.get(i).name, name)) {
                return i;
            }
        }
        throw new TursoException(ResultCode.ERROR, "no such savepoint: " + name);
    }

    /** SQLite folds only ASCII letters when it compares identifiers. */
    private static boolean sameName(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && (x | 0x20) != (y | 0x20) || x != y && !isAsciiLetter(x)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}
