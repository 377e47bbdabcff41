package turso.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;

class ResultCodeTest {

    /** Every code has the number real SQLite gives it (sqlite-jdbc carries SQLite's table of codes). */
    @Test
    void numbersMatchSqlite() {
        for (ResultCode rc : ResultCode.values()) {
            SQLiteErrorCode theirs = SQLiteErrorCode.valueOf("SQLITE_" + rc.name());
            assertEquals(theirs.code, rc.code(), rc.name());
            assertSame(rc, ResultCode.of(rc.code()));
            assertEquals(rc.primary().code(), rc.primaryCode(), rc.name());
        }
    }

    @Test
    void anUnknownExtendedCodeMapsToItsPrimary() {
        assertSame(ResultCode.IOERR, ResultCode.of(ResultCode.IOERR.code() | (200 << 8)));
    }
}
