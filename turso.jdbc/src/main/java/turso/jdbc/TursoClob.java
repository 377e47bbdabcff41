/*
 * A java.sql.Clob held in memory: what getClob returns and createClob makes.
 */
package turso.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import turso.api.ResultCode;

final class TursoClob implements Clob {
    private String text;

    TursoClob(String text) {
        this.text = text;
    }

    private String text() throws SQLException {
        if (text == null) {
            throw SqlErrors.driver(ResultCode.MISUSE, "clob freed");
        }
        return text;
    }

    @Override
    public long length() throws SQLException {
        return text().length();
    }

    @Override
    public String getSubString(long pos, int length) throws SQLException {
        String t = text();
        if (pos < 1 || length < 0 || pos - 1 > t.length()) {
            throw SqlErrors.driver(ResultCode.RANGE, "position " + pos + " out of range");
        }
        int from = (int) (pos - 1);
        return t.substring(from, Math.min(t.length(), from + length));
    }

    @Override
    public Reader getCharacterStream() throws SQLException {
        return new StringReader(text());
    }

    @Override
    public Reader getCharacterStream(long pos, long length) throws SQLException {
        return new StringReader(getSubString(pos, (int) Math.min(Integer.MAX_VALUE, length)));
    }

    @Override
    public InputStream getAsciiStream() throws SQLException {
        return new ByteArrayInputStream(text().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public long position(String search, long start) throws SQLException {
        int i = text().indexOf(search, (int) Math.max(0, start - 1));
        return i < 0 ? -1 : i + 1;
    }

    @Override
    public long position(Clob search, long start) throws SQLException {
        return position(search.getSubString(1, (int) search.length()), start);
    }

    @Override
    public int setString(long pos, String str) throws SQLException {
        return setString(pos, str, 0, str.length());
    }

    @Override
    public int setString(long pos, String str, int offset, int len) throws SQLException {
        String t = text();
        if (pos < 1 || pos - 1 > t.length()) {
            throw SqlErrors.driver(ResultCode.RANGE, "position " + pos + " out of range");
        }
        int at = (int) (pos - 1);
        String piece = str.substring(offset, offset + len);
        int end = Math.min(t.length(), at + len);
        text = t.substring(0, at) + piece + t.substring(end);
        return len;
    }

    @Override
    public OutputStream setAsciiStream(long pos) throws SQLException {
        throw new SQLFeatureNotSupportedException("Clob.setAsciiStream");
    }

    @Override
    public Writer setCharacterStream(long pos) throws SQLException {
        throw new SQLFeatureNotSupportedException("Clob.setCharacterStream");
    }

    @Override
    public void truncate(long len) throws SQLException {
        String t = text();
        text = t.substring(0, (int) Math.min(len, t.length()));
    }

    @Override
    public void free() {
        text = null;
    }
}
