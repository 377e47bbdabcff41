/*
 * A java.sql.Blob held in memory: what getBlob returns and createBlob makes.
 * SQLite reads and writes blobs whole, so there is no locator behind it.
 */
package turso.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Blob;
import java.sql.SQLException;
import java.util.Arrays;
import turso.api.ResultCode;

final class TursoBlob implements Blob {
    private byte[] bytes;

    TursoBlob(byte[] bytes) {
        this.bytes = bytes;
    }

    private byte[] bytes() throws SQLException {
        if (bytes == null) {
            throw SqlErrors.driver(ResultCode.MISUSE, "blob freed");
        }
        return bytes;
    }

    @Override
    public long length() throws SQLException {
        return bytes().length;
    }

    @Override
    public byte[] getBytes(long pos, int length) throws SQLException {
        byte[] b = bytes();
        if (pos < 1 || length < 0 || pos - 1 > b.length) {
            throw SqlErrors.driver(ResultCode.RANGE, "position " + pos + " out of range");
        }
        int from = (int) (pos - 1);
        return Arrays.copyOfRange(b, from, Math.min(b.length, from + length));
    }

    @Override
    public InputStream getBinaryStream() throws SQLException {
        return new ByteArrayInputStream(bytes());
    }

    @Override
    public InputStream getBinaryStream(long pos, long length) throws SQLException {
        return new ByteArrayInputStream(getBytes(pos, (int) Math.min(Integer.MAX_VALUE, length)));
    }

    @Override
    public long position(byte[] pattern, long start) throws SQLException {
        byte[] b = bytes();
        outer:
        for (int i = (int) Math.max(0, start - 1); i + pattern.length <= b.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (b[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i + 1;
        }
        return -1;
    }

    @Override
    public long position(Blob pattern, long start) throws SQLException {
        return position(pattern.getBytes(1, (int) pattern.length()), start);
    }

    @Override
    public int setBytes(long pos, byte[] src) throws SQLException {
        return setBytes(pos, src, 0, src.length);
    }

    @Override
    public int setBytes(long pos, byte[] src, int offset, int len) throws SQLException {
        byte[] b = bytes();
        if (pos < 1 || pos - 1 > b.length) {
            throw SqlErrors.driver(ResultCode.RANGE, "position " + pos + " out of range");
        }
        int at = (int) (pos - 1);
        if (at + len > b.length) {
            b = Arrays.copyOf(b, at + len);
        }
        System.arraycopy(src, offset, b, at, len);
        bytes = b;
        return len;
    }

    @Override
    public OutputStream setBinaryStream(long pos) throws SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Blob.setBinaryStream");
    }

    @Override
    public void truncate(long len) throws SQLException {
        bytes = Arrays.copyOf(bytes(), (int) Math.min(len, bytes().length));
    }

    @Override
    public void free() {
        bytes = null;
    }
}
