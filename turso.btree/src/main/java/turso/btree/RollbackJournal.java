/*
 * The rollback journal file (fileformat2 §3): writing the original content
 * of the pages a transaction changes before the database file is touched,
 * finalising it at commit (delete, truncate or zero the header, per journal
 * mode), and playing a hot journal back into the database after a crash.
 * The pager keeps the original pages in memory during the transaction and
 * writes the journal in one batch when it commits, or in segments when the
 * transaction spills dirty pages to the database before it commits.
 */
package turso.btree;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.EnumSet;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;
import turso.api.spi.IoBatch;
import turso.api.spi.Vfs;
import turso.api.spi.VfsFile;

final class RollbackJournal {

    static final byte[] MAGIC = {(byte) 0xd9, (byte) 0xd5, 0x05, (byte) 0xf9, 0x20, (byte) 0xa1, 0x63, (byte) 0xd7};
    private static final int HEADER_FIELDS = 28;

    private RollbackJournal() {
    }

    static int checksum(int nonce, MemorySegment page, int pageSize) {
        int sum = nonce;
        for (int x = pageSize - 200; x >= 0; x -= 200) {
            sum += Bytes.u8(page, x);
        }
        return sum;
    }

    /**
     * Writes the journal of a transaction: header, then one record per
     * original page, synced as {@code sync} asks before the caller writes
     * the database (FULL/EXTRA: records synced before the record count is
     * set, then synced again; NORMAL: one sync; OFF: none, count -1).
     */
    static void write(VfsFile journal, IntObjectHashMap<byte[]> originals, int originalPages, int pageSize,
                      int sectorSize, SyncMode sync) {
        int nonce = ThreadLocalRandom.current().nextInt();
        int n = originals.size();
        int recordSize = pageSize + 8;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment header = arena.allocate(sectorSize);
            MemorySegment.copy(MemorySegment.ofArray(MAGIC), 0, header, 0, MAGIC.length);
            boolean twoPhase = sync == SyncMode.FULL || sync == SyncMode.EXTRA;
            Bytes.put32(header, 8, sync == SyncMode.OFF ? -1 : (twoPhase ? 0 : n));
            Bytes.put32(header, 12, nonce);
            Bytes.put32(header, 16, originalPages);
            Bytes.put32(header, 20, sectorSize);
            Bytes.put32(header, 24, pageSize);
            MemorySegment records = arena.allocate((long) recordSize * Math.max(n, 1));
            int[] pgnos = originals.keySet().toSortedArray();
            for (int i = 0; i < n; i++) {
                long off = (long) i * recordSize;
                MemorySegment page = MemorySegment.ofArray(originals.get(pgnos[i]));
                Bytes.put32(records, off, pgnos[i]);
                MemorySegment.copy(page, 0, records, off + 4, pageSize);
                Bytes.put32(records, off + 4 + pageSize, checksum(nonce, page, pageSize));
            }
            journal.truncate(0);
            IoBatch batch = journal.batch();
            batch.write(header, 0);
            if (n > 0) {
                batch.write(records.asSlice(0, (long) recordSize * n), sectorSize);
            }
            if (sync != SyncMode.OFF) {
                batch.sync(VfsFile.SyncType.NORMAL);
            }
            batch.execute();
            if (twoPhase) {
                MemorySegment count = arena.allocate(4);
                Bytes.put32(count, 0, n);
                journal.write(count, 8);
                journal.sync(sync == SyncMode.EXTRA ? VfsFile.SyncType.FULL : VfsFile.SyncType.NORMAL);
            }
        }
    }

    /**
     * Appends a segment to the journal at {@code offset} (a sector boundary;
     * 0 starts the journal afresh): a header counting its records, then the
     * originals of {@code pgnos}, synced as {@code sync} asks (FULL/EXTRA:
     * the count is set after a first sync). A transaction that writes the
     * database before it commits (a cache spill) journals in segments, one
     * per spill and one at commit, as SQLite writes a header after each
     * journal sync. Returns where the next segment would start.
     */
    static long appendSegment(VfsFile journal, long offset, int[] pgnos, IntObjectHashMap<byte[]> originals,
                              int originalPages, int pageSize, int sectorSize, SyncMode sync) {
        int nonce = ThreadLocalRandom.current().nextInt();
        int n = pgnos.length;
        int recordSize = pageSize + 8;
        boolean twoPhase = sync == SyncMode.FULL || sync == SyncMode.EXTRA;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment header = arena.allocate(sectorSize);
            MemorySegment.copy(MemorySegment.ofArray(MAGIC), 0, header, 0, MAGIC.length);
            Bytes.put32(header, 8, twoPhase ? 0 : n);
            Bytes.put32(header, 12, nonce);
            Bytes.put32(header, 16, originalPages);
            Bytes.put32(header, 20, sectorSize);
            Bytes.put32(header, 24, pageSize);
            MemorySegment records = arena.allocate((long) recordSize * Math.max(n, 1));
            for (int i = 0; i < n; i++) {
                long off = (long) i * recordSize;
                MemorySegment page = MemorySegment.ofArray(originals.get(pgnos[i]));
                Bytes.put32(records, off, pgnos[i]);
                MemorySegment.copy(page, 0, records, off + 4, pageSize);
                Bytes.put32(records, off + 4 + pageSize, checksum(nonce, page, pageSize));
            }
            if (offset == 0) {
                journal.truncate(0);
            }
            IoBatch batch = journal.batch();
            batch.write(header, offset);
            if (n > 0) {
                batch.write(records.asSlice(0, (long) recordSize * n), offset + sectorSize);
            }
            if (sync != SyncMode.OFF) {
                batch.sync(VfsFile.SyncType.NORMAL);
            }
            batch.execute();
            if (twoPhase) {
                MemorySegment count = arena.allocate(4);
                Bytes.put32(count, 0, n);
                journal.write(count, offset + 8);
                journal.sync(sync == SyncMode.EXTRA ? VfsFile.SyncType.FULL : VfsFile.SyncType.NORMAL);
            }
        }
        long end = offset + sectorSize + (long) recordSize * n;
        return (end + sectorSize - 1) / sectorSize * sectorSize;
    }

    /** Makes the journal invalid, which is what commits the transaction. */
    static void finish(Vfs vfs, String journalPath, VfsFile journal, JournalMode mode, SyncMode sync) {
        finish(vfs, journalPath, journal, mode, sync, -1);
    }

    /** The same; a PERSIST journal larger than {@code sizeLimit} bytes (when not negative) is cut to it. */
    static void finish(Vfs vfs, String journalPath, VfsFile journal, JournalMode mode, SyncMode sync, long sizeLimit) {
        switch (mode) {
            case DELETE -> {
                journal.close();
                vfs.delete(journalPath, sync == SyncMode.EXTRA);
            }
            case TRUNCATE -> {
                journal.truncate(0);
                if (sync == SyncMode.FULL || sync == SyncMode.EXTRA) {
                    journal.sync(VfsFile.SyncType.NORMAL);
                }
                journal.close();
            }
            case PERSIST -> {
                try (Arena arena = Arena.ofConfined()) {
                    journal.write(arena.allocate(HEADER_FIELDS), 0);
                }
                if (sizeLimit >= 0 && journal.size() > sizeLimit) {
                    journal.truncate(sizeLimit);
                }
                if (sync == SyncMode.FULL || sync == SyncMode.EXTRA) {
                    journal.sync(VfsFile.SyncType.NORMAL);
                }
                journal.close();
            }
            case MEMORY, OFF -> journal.close();
        }
    }

    /** Whether the journal file starts with a valid header (a hot journal, if nobody holds RESERVED). */
    static boolean hasValidHeader(VfsFile journal) {
        if (journal.size() < HEADER_FIELDS) {
            return false;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment h = arena.allocate(HEADER_FIELDS);
            journal.read(h, 0);
            for (int i = 0; i < MAGIC.length; i++) {
                if (Bytes.u8(h, i) != (MAGIC[i] & 0xff)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Restores the database from a hot journal: every record whose checksum
     * holds is written back, segment by segment, and the file is truncated
     * to its size before the transaction. {@code dbPageSize} 0 trusts the
     * journal's page size (page 1 may be the damaged page). Returns the original page count,
     * or -1 if the journal held nothing usable.
     */
    static long playback(VfsFile journal, VfsFile db, int dbPageSize) {
        long size = journal.size();
        long off = 0;
        long originalPages = -1;
        long journalPageSize = dbPageSize;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment h = arena.allocate(HEADER_FIELDS);
            while (off + HEADER_FIELDS <= size) {
                journal.read(h, off);
                boolean magic = true;
                for (int i = 0; i < MAGIC.length; i++) {
                    magic &= Bytes.u8(h, i) == (MAGIC[i] & 0xff);
                }
                if (!magic) {
                    break;
                }
                long nRec = Bytes.u32(h, 8);
                int nonce = Bytes.i32(h, 12);
                long pages = Bytes.u32(h, 16);
                long sector = Bytes.u32(h, 20);
                long pageSize = Bytes.u32(h, 24);
                if (sector < 32 || sector > 65536 || Long.bitCount(sector) != 1
                        || pageSize < 512 || pageSize > 65536 || Long.bitCount(pageSize) != 1 || (dbPageSize != 0 && pageSize != dbPageSize)) {
                    break;
                }
                if (originalPages < 0) {
                    originalPages = pages;
                    journalPageSize = pageSize;
                }
                long recordSize = pageSize + 8;
                long recStart = off + sector;
                if (nRec == 0xffffffffL) {
                    nRec = Math.max(0, (size - recStart) / recordSize);
                }
                MemorySegment rec = arena.allocate(recordSize);
                long p = recStart;
                long played = 0;
                boolean stop = false;
                while (played < nRec && p + recordSize <= size) {
                    journal.read(rec, p);
                    long pgno = Bytes.u32(rec, 0);
                    MemorySegment data = rec.asSlice(4, pageSize);
                    if (checksum(nonce, data, (int) pageSize) != Bytes.i32(rec, 4 + pageSize)) {
                        stop = true;
                        break;
                    }
                    if (pgno >= 1 && pgno <= originalPages) {
                        db.write(data, (pgno - 1) * pageSize);
                    }
                    played++;
                    p += recordSize;
                }
                if (stop || played < nRec || nRec == 0) {
                    break;
                }
                off = ((p + sector - 1) / sector) * sector;
            }
        }
        if (originalPages >= 0) {
            long want = originalPages * journalPageSize;
            if (db.size() > want) {
                db.truncate(want);
            }
            db.sync(VfsFile.SyncType.NORMAL);
        }
        return originalPages;
    }

    static VfsFile open(Vfs vfs, String journalPath) {
        return vfs.open(journalPath, Vfs.FileKind.MAIN_JOURNAL,
                EnumSet.of(Vfs.OpenFlag.READ_WRITE, Vfs.OpenFlag.CREATE));
    }
}
