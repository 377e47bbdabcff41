/*
 * Turns Java I/O exceptions into the TursoExceptions SQLite reports: its
 * extended IOERR code for the operation that failed (IOERR_READ,
 * IOERR_FSYNC...), SQLITE_FULL when the disk is full, and SQLite's message
 * wording; the Java exception stays attached as the cause with the details.
 */
package turso.vfs.nio;

import java.io.IOException;
import java.util.Locale;
import turso.api.ResultCode;
import turso.api.TursoException;

final class IoErrors {

    private IoErrors() {
    }

    static TursoException of(ResultCode code, String operation, Object file, Exception cause) {
        ResultCode result = cause instanceof IOException io && isDiskFull(io) ? ResultCode.FULL : code;
        return new TursoException(result, result.defaultMessage(),
                new IOException(operation + " " + file + ": " + cause.getMessage(), cause));
    }

    static TursoException misuse(String message) {
        return new TursoException(ResultCode.MISUSE, message);
    }

    private static boolean isDiskFull(IOException e) {
        String message = e.getMessage();
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("no space left") || lower.contains("disk quota exceeded") || lower.contains("not enough space");
    }
}
