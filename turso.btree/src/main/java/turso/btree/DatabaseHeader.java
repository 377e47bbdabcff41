/*
 * The 100-byte header at the start of page 1, read and written in place in
 * the cached page 1 buffer: offsets and validation of SQLite's fields
 * (fileformat2 §1.3). The pager keeps the size, change counter and
 * version-valid-for fields up to date at each commit, as SQLite does.
 */
package turso.btree;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import turso.api.ResultCode;
import turso.api.TursoException;

final class DatabaseHeader {

    static final int SIZE = 100;
    static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    static final int PAGE_SIZE = 16;
    static final int WRITE_VERSION = 18;
    static final int READ_VERSION = 19;
    static final int RESERVED = 20;
    static final int MAX_FRACTION = 21;
    static final int MIN_FRACTION = 22;
    static final int LEAF_FRACTION = 23;
    static final int CHANGE_COUNTER = 24;
    static final int PAGE_COUNT = 28;
    static final int FREELIST_TRUNK = 32;
    static final int FREELIST_COUNT = 36;
    static final int SCHEMA_COOKIE = 40;
    static final int SCHEMA_FORMAT = 44;
    static final int DEFAULT_CACHE_SIZE = 48;
    static final int LARGEST_ROOT = 52;
    static final int TEXT_ENCODING = 56;
    static final int USER_VERSION = 60;
    static final int INCREMENTAL_VACUUM = 64;
    static final int APPLICATION_ID = 68;
    static final int VERSION_VALID_FOR = 92;
    static final int SQLITE_VERSION = 96;

    /** The SQLite version number written into files this engine modifies. */
    static final int WRITER_VERSION = 3045000;

    private DatabaseHeader() {
    }

    /** Page size from the header's two bytes (1 means 65536); 0 if invalid. */
    static int pageSize(MemorySegment h) {
        int v = Bytes.u16(h, PAGE_SIZE);
        int size = v == 1 ? 65536 : v;
        if (size < 512 || size > 65536 || Integer.bitCount(size) != 1) {
            return 0;
        }
        return size;
    }

    /** Checks what a reader must check before trusting the file: magic, page size, payload fractions, versions. */
    static void validate(MemorySegment h) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (Bytes.u8(h, i) != (MAGIC[i] & 0xff)) {
                throw new TursoException(ResultCode.NOTADB);
            }
        }
        int pageSize = pageSize(h);
        if (pageSize == 0) {
            throw new TursoException(ResultCode.NOTADB);
        }
        int reserved = Bytes.u8(h, RESERVED);
        if (pageSize - reserved < 480) {
            throw new TursoException(ResultCode.NOTADB);
        }
        if (Bytes.u8(h, MAX_FRACTION) != 64 || Bytes.u8(h, MIN_FRACTION) != 32 || Bytes.u8(h, LEAF_FRACTION) != 32) {
            throw new TursoException(ResultCode.NOTADB);
        }
        int read = Bytes.u8(h, READ_VERSION);
        if (read > 2) {
            throw new TursoException(ResultCode.NOTADB);
        }
        int enc = Bytes.i32(h, TEXT_ENCODING);
        if (enc == 2 || enc == 3) {
            throw new TursoException(ResultCode.NOTADB, "UTF-16 databases are not supported");
        }
    }

    /** Writes the header of a new, empty database. */
    static void initialize(MemorySegment h, int pageSize, int reserved) {
        h.asSlice(0, SIZE).fill((byte) 0);
        MemorySegment.copy(MemorySegment.ofArray(MAGIC), 0, h, 0, MAGIC.length);
        Bytes.put16(h, PAGE_SIZE, pageSize == 65536 ? 1 : pageSize);
        Bytes.put8(h, WRITE_VERSION, 1);
        Bytes.put8(h, READ_VERSION, 1);
        Bytes.put8(h, RESERVED, reserved);
        Bytes.put8(h, MAX_FRACTION, 64);
        Bytes.put8(h, MIN_FRACTION, 32);
        Bytes.put8(h, LEAF_FRACTION, 32);
        Bytes.put32(h, PAGE_COUNT, 1);
        Bytes.put32(h, SCHEMA_FORMAT, 4);
        Bytes.put32(h, TEXT_ENCODING, 1);
        Bytes.put32(h, SQLITE_VERSION, WRITER_VERSION);
    }
}
