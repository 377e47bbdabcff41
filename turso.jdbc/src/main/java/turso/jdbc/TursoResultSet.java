/*
 * A forward-only, read-only ResultSet over Rows (an engine statement, or rows
 * the driver built). Getters convert as sqlite-jdbc does: getInt/getLong/
 * getDouble/getString/getBytes as sqlite3_column_* convert; getObject gives
 * Integer (Long when the value does not fit an int), Double, String, byte[]
 * or null by the value's storage class; dates and times as DateTimes reads
 * them. Labels are matched case-insensitively, the first column of a name
 * wins. Each call that reaches the engine holds the connection for its
 * thread (TursoConnection.use).
 */
package turso.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import turso.api.DataType;
import turso.api.ResultCode;
import turso.api.TursoException;

public final class TursoResultSet implements ResultSet {

    private final TursoStatement statement;
    private final Rows rows;
    private final long maxRows;
    private Map<String, Integer> labels;
    private long row;
    private boolean onRow;
    private boolean after;
    private boolean closed;
    private boolean wasNull;
    /** The type of the column the last getter read (set with wasNull). */
    private DataType type;
    private int fetchSize;

    /** {@code statement} is null for rows the driver built (generated keys, metadata). */
    TursoResultSet(TursoStatement statement, Rows rows, long maxRows) {
        this.statement = statement;
        this.rows = rows;
        this.maxRows = maxRows;
    }

    Rows rows() {
        return rows;
    }

    boolean onRow() {
        return onRow;
    }

    private TursoConnection.Use use() throws SQLException {
        return statement == null ? () -> { } : statement.connection.use();
    }

    private SQLException engineError(TursoException e) {
        return SqlErrors.of(e, statement != null && statement.timedOut());
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (after) {
            return false;
        }
        try (TursoConnection.Use u = use()) {
            if (maxRows > 0 && row >= maxRows) {
                rows.close();
                onRow = false;
            } else {
                onRow = rows.next();
            }
        } catch (TursoException e) {
            onRow = false;
            after = true;
            finished();
            throw engineError(e);
        }
        if (onRow) {
            row++;
        } else {
            after = true;
            finished();
        }
        return onRow;
    }

    private void finished() throws SQLException {
        if (statement != null) {
            statement.resultsFinished(this);
        }
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        try (TursoConnection.Use u = use()) {
            rows.close();
        } catch (TursoException e) {
            throw engineError(e);
        } finally {
            closed = true;
            onRow = false;
            finished();
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw SqlErrors.driver(ResultCode.MISUSE, "ResultSet closed");
        }
    }

    /** Checks the row and the 1-based column, returns the 0-based column and records wasNull. */
    private int column(int columnIndex) throws SQLException {
        checkOpen();
        if (!onRow) {
            throw SqlErrors.driver(ResultCode.MISUSE, "ResultSet is not positioned on a row");
        }
        if (columnIndex < 1 || columnIndex > rows.columnCount()) {
            throw SqlErrors.driver(ResultCode.RANGE,
                    "column " + columnIndex + " out of bounds [1," + rows.columnCount() + "]");
        }
        int c = columnIndex - 1;
        type = rows.type(c);
        wasNull = type == DataType.NULL;
        return c;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    @Override
    public int findColumn(String columnLabel) throws SQLException {
        checkOpen();
        if (labels == null) {
            Map<String, Integer> m = new HashMap<>();
            for (int i = rows.columnCount() - 1; i >= 0; i--) {
                m.put(rows.columnName(i).toLowerCase(Locale.ROOT), i + 1);
            }
            labels = m;
        }
        Integer i = columnLabel == null ? null : labels.get(columnLabel.toLowerCase(Locale.ROOT));
        if (i == null) {
            throw SqlErrors.driver(ResultCode.RANGE, "no such column: '" + columnLabel + "'");
        }
        return i;
    }

    @Override
    public String getString(int columnIndex) throws SQLException {
        int c = column(columnIndex);
        if (wasNull) {
            return null;
        }
        if (type == DataType.REAL && Double.isFinite(rows.doubleValue(c))) {
            return Decimals.text(rows.doubleValue(c));
        }
        return rows.text(c);
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        return getLong(columnIndex) != 0;
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        return (byte) getLong(columnIndex);
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        return (short) getLong(columnIndex);
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        return (int) getLong(columnIndex);
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        int c = column(columnIndex);
        return wasNull ? 0 : rows.longValue(c);
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        return (float) getDouble(columnIndex);
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        int c = column(columnIndex);
        return wasNull ? 0 : rows.doubleValue(c);
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        int c = column(columnIndex);
        return switch (rows.type(c)) {
            case NULL -> null;
            case INTEGER -> BigDecimal.valueOf(rows.longValue(c));
            case REAL -> {
                double d = rows.doubleValue(c);
                if (!Double.isFinite(d)) {
                    throw SqlErrors.driver(ResultCode.MISMATCH, "Bad value for type BigDecimal : " + rows.text(c));
                }
                yield Decimals.ofReal(d);
            }
            default -> {
                String text = rows.text(c).trim();
                try {
                    yield new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw SqlErrors.driver(ResultCode.MISMATCH, "Bad value for type BigDecimal : " + text);
                }
            }
        };
    }

    @Deprecated
    @Override
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        BigDecimal d = getBigDecimal(columnIndex);
        return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        int c = column(columnIndex);
        return wasNull ? null : rows.blob(c);
    }

    private DateTimes.Parsed temporal(int columnIndex, String type) throws SQLException {
        int c = column(columnIndex);
        try {
            return DateTimes.read(rows, c);
        } catch (DateTimeException e) {
            throw SqlErrors.driver(ResultCode.MISMATCH, "Bad value for type " + type + " : " + rows.text(c));
        }
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException {
        return getDate(columnIndex, null);
    }

    @Override
    public Date getDate(int columnIndex, Calendar cal) throws SQLException {
        DateTimes.Parsed p = temporal(columnIndex, "Date");
        return p == null ? null : new Date(DateTimes.instant(p, DateTimes.zone(cal)).toEpochMilli());
    }

    @Override
    public Time getTime(int columnIndex) throws SQLException {
        return getTime(columnIndex, null);
    }

    @Override
    public Time getTime(int columnIndex, Calendar cal) throws SQLException {
        DateTimes.Parsed p = temporal(columnIndex, "Time");
        return p == null ? null : new Time(DateTimes.instant(p, DateTimes.zone(cal)).toEpochMilli());
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        return getTimestamp(columnIndex, null);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
        DateTimes.Parsed p = temporal(columnIndex, "Timestamp");
        return p == null ? null : Timestamp.from(DateTimes.instant(p, DateTimes.zone(cal)));
    }

    @Override
    public InputStream getAsciiStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Deprecated
    @Override
    public InputStream getUnicodeStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_16BE));
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        byte[] b = getBytes(columnIndex);
        return b == null ? null : new ByteArrayInputStream(b);
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new StringReader(s);
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException {
        return getCharacterStream(columnIndex);
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        return getString(columnIndex);
    }

    @Override
    public Blob getBlob(int columnIndex) throws SQLException {
        byte[] b = getBytes(columnIndex);
        return b == null ? null : new TursoBlob(b);
    }

    @Override
    public Clob getClob(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new TursoClob(s);
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        int c = column(columnIndex);
        return switch (rows.type(c)) {
            case NULL -> null;
            case INTEGER -> {
                long v = rows.longValue(c);
                yield v == (int) v ? (Object) (int) v : (Object) v;
            }
            case REAL -> rows.doubleValue(c);
            case TEXT -> rows.text(c);
            case BLOB -> rows.blob(c);
        };
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        if (type == null) {
            throw SqlErrors.driver(ResultCode.MISUSE, "type is null");
        }
        int c = column(columnIndex);
        if (wasNull) {
            return null;
        }
        Object value;
        if (type == String.class) {
            value = rows.text(c);
        } else if (type == Integer.class) {
            value = getInt(columnIndex);
        } else if (type == Long.class) {
            value = getLong(columnIndex);
        } else if (type == Short.class) {
            value = getShort(columnIndex);
        } else if (type == Byte.class) {
            value = getByte(columnIndex);
        } else if (type == Double.class) {
            value = getDouble(columnIndex);
        } else if (type == Float.class) {
            value = getFloat(columnIndex);
        } else if (type == Boolean.class) {
            value = getBoolean(columnIndex);
        } else if (type == BigDecimal.class) {
            value = getBigDecimal(columnIndex);
        } else if (type == BigInteger.class) {
            BigDecimal d = getBigDecimal(columnIndex);
            value = d.toBigInteger();
        } else if (type == byte[].class) {
            value = getBytes(columnIndex);
        } else if (type == Blob.class) {
            value = getBlob(columnIndex);
        } else if (type == Clob.class) {
            value = getClob(columnIndex);
        } else if (type == Date.class) {
            value = getDate(columnIndex);
        } else if (type == Time.class) {
            value = getTime(columnIndex);
        } else if (type == Timestamp.class) {
            value = getTimestamp(columnIndex);
        } else if (type == LocalDate.class) {
            value = DateTimes.localDate(temporal(columnIndex, "LocalDate"));
        } else if (type == LocalTime.class) {
            value = DateTimes.localTime(temporal(columnIndex, "LocalTime"));
        } else if (type == LocalDateTime.class) {
            value = DateTimes.localDateTime(temporal(columnIndex, "LocalDateTime"), ZoneId.systemDefault());
        } else if (type == OffsetDateTime.class) {
            value = DateTimes.offsetDateTime(temporal(columnIndex, "OffsetDateTime"));
        } else if (type == ZonedDateTime.class) {
            value = DateTimes.offsetDateTime(temporal(columnIndex, "ZonedDateTime")).toZonedDateTime();
        } else if (type == Instant.class) {
            value = DateTimes.instant(temporal(columnIndex, "Instant"), java.time.ZoneOffset.UTC);
        } else if (type == UUID.class) {
            value = uuid(c);
        } else if (type == Object.class) {
            value = getObject(columnIndex);
        } else {
            throw new SQLFeatureNotSupportedException("getObject to " + type.getName() + " is not supported");
        }
        return type.cast(value);
    }

    private UUID uuid(int c) throws SQLException {
        if (rows.type(c) == DataType.BLOB) {
            byte[] b = rows.blob(c);
            if (b.length == 16) {
                java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b);
                return new UUID(bb.getLong(), bb.getLong());
            }
        }
        String s = rows.text(c);
        try {
            return UUID.fromString(s.trim());
        } catch (IllegalArgumentException e) {
            throw SqlErrors.driver(ResultCode.MISMATCH, "Bad value for type UUID : " + s);
        }
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        return getObject(columnIndex);
    }

    @Override
    public Ref getRef(int columnIndex) throws SQLException {
        throw new SQLFeatureNotSupportedException("Ref is not supported");
    }

    @Override
    public Array getArray(int columnIndex) throws SQLException {
        throw new SQLFeatureNotSupportedException("SQLite has no arrays");
    }

    @Override
    public URL getURL(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        try {
            return s == null ? null : URI.create(s).toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw SqlErrors.driver(ResultCode.MISMATCH, "Bad value for type URL : " + s);
        }
    }

    @Override
    public RowId getRowId(int columnIndex) throws SQLException {
        throw new SQLFeatureNotSupportedException("RowId is not supported");
    }

    @Override
    public NClob getNClob(int columnIndex) throws SQLException {
        throw new SQLFeatureNotSupportedException("NClob is not supported");
    }

    @Override
    public SQLXML getSQLXML(int columnIndex) throws SQLException {
        throw new SQLFeatureNotSupportedException("SQLXML is not supported");
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new TursoResultSetMetaData(this);
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public String getCursorName() throws SQLException {
        throw new SQLFeatureNotSupportedException("named cursors are not supported");
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return row == 0 && !after;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return after && row > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return onRow && row == 1;
    }

    @Override
    public boolean isLast() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public void beforeFirst() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public void afterLast() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean first() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean last() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return onRow ? (int) row : 0;
    }

    @Override
    public boolean absolute(int r) throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean relative(int r) throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean previous() throws SQLException {
        throw forwardOnly();
    }

    private static SQLException forwardOnly() {
        return SqlErrors.driver(ResultCode.MISUSE, "ResultSet is TYPE_FORWARD_ONLY");
    }

    private static SQLException readOnly() {
        return new SQLFeatureNotSupportedException("ResultSet is CONCUR_READ_ONLY");
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != FETCH_FORWARD) {
            throw forwardOnly();
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw SqlErrors.driver(ResultCode.MISUSE, "fetch size must not be negative");
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean rowInserted() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public void insertRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void deleteRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void refreshRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
        throw readOnly();
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlErrors.driver(ResultCode.MISUSE, "not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    // Getters by label: the column is looked up, then read by index.

    @Override
    public String getString(String a0) throws SQLException {
        return getString(findColumn(a0));
    }

    @Override
    public boolean getBoolean(String a0) throws SQLException {
        return getBoolean(findColumn(a0));
    }

    @Override
    public byte getByte(String a0) throws SQLException {
        return getByte(findColumn(a0));
    }

    @Override
    public short getShort(String a0) throws SQLException {
        return getShort(findColumn(a0));
    }

    @Override
    public int getInt(String a0) throws SQLException {
        return getInt(findColumn(a0));
    }

    @Override
    public long getLong(String a0) throws SQLException {
        return getLong(findColumn(a0));
    }

    @Override
    public float getFloat(String a0) throws SQLException {
        return getFloat(findColumn(a0));
    }

    @Override
    public double getDouble(String a0) throws SQLException {
        return getDouble(findColumn(a0));
    }

    @Deprecated
    @Override
    public java.math.BigDecimal getBigDecimal(String a0, int a1) throws SQLException {
        return getBigDecimal(findColumn(a0), a1);
    }

    @Override
    public byte[] getBytes(String a0) throws SQLException {
        return getBytes(findColumn(a0));
    }

    @Override
    public java.sql.Date getDate(String a0) throws SQLException {
        return getDate(findColumn(a0));
    }

    @Override
    public java.sql.Time getTime(String a0) throws SQLException {
        return getTime(findColumn(a0));
    }

    @Override
    public java.sql.Timestamp getTimestamp(String a0) throws SQLException {
        return getTimestamp(findColumn(a0));
    }

    @Override
    public java.io.InputStream getAsciiStream(String a0) throws SQLException {
        return getAsciiStream(findColumn(a0));
    }

    @Deprecated
    @Override
    public java.io.InputStream getUnicodeStream(String a0) throws SQLException {
        return getUnicodeStream(findColumn(a0));
    }

    @Override
    public java.io.InputStream getBinaryStream(String a0) throws SQLException {
        return getBinaryStream(findColumn(a0));
    }

    @Override
    public Object getObject(String a0) throws SQLException {
        return getObject(findColumn(a0));
    }

    @Override
    public java.io.Reader getCharacterStream(String a0) throws SQLException {
        return getCharacterStream(findColumn(a0));
    }

    @Override
    public java.math.BigDecimal getBigDecimal(String a0) throws SQLException {
        return getBigDecimal(findColumn(a0));
    }

    @Override
    public Object getObject(String a0, java.util.Map<String, Class<?>> a1) throws SQLException {
        return getObject(findColumn(a0), a1);
    }

    @Override
    public java.sql.Ref getRef(String a0) throws SQLException {
        return getRef(findColumn(a0));
    }

    @Override
    public java.sql.Blob getBlob(String a0) throws SQLException {
        return getBlob(findColumn(a0));
    }

    @Override
    public java.sql.Clob getClob(String a0) throws SQLException {
        return getClob(findColumn(a0));
    }

    @Override
    public java.sql.Array getArray(String a0) throws SQLException {
        return getArray(findColumn(a0));
    }

    @Override
    public java.sql.Date getDate(String a0, java.util.Calendar a1) throws SQLException {
        return getDate(findColumn(a0), a1);
    }

    @Override
    public java.sql.Time getTime(String a0, java.util.Calendar a1) throws SQLException {
        return getTime(findColumn(a0), a1);
    }

    @Override
    public java.sql.Timestamp getTimestamp(String a0, java.util.Calendar a1) throws SQLException {
        return getTimestamp(findColumn(a0), a1);
    }

    @Override
    public java.net.URL getURL(String a0) throws SQLException {
        return getURL(findColumn(a0));
    }

    @Override
    public java.sql.RowId getRowId(String a0) throws SQLException {
        return getRowId(findColumn(a0));
    }

    @Override
    public java.sql.NClob getNClob(String a0) throws SQLException {
        return getNClob(findColumn(a0));
    }

    @Override
    public java.sql.SQLXML getSQLXML(String a0) throws SQLException {
        return getSQLXML(findColumn(a0));
    }

    @Override
    public String getNString(String a0) throws SQLException {
        return getNString(findColumn(a0));
    }

    @Override
    public java.io.Reader getNCharacterStream(String a0) throws SQLException {
        return getNCharacterStream(findColumn(a0));
    }

    @Override
    public <T> T getObject(String a0, Class<T> a1) throws SQLException {
        return getObject(findColumn(a0), a1);
    }

    // Updates: the result set is read-only.

    @Override
    public void updateNull(int a0) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBoolean(int a0, boolean a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateByte(int a0, byte a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateShort(int a0, short a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateInt(int a0, int a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateLong(int a0, long a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateFloat(int a0, float a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateDouble(int a0, double a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBigDecimal(int a0, java.math.BigDecimal a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateString(int a0, String a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBytes(int a0, byte[] a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateDate(int a0, java.sql.Date a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateTime(int a0, java.sql.Time a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateTimestamp(int a0, java.sql.Timestamp a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(int a0, java.io.InputStream a1, int a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(int a0, java.io.InputStream a1, int a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(int a0, java.io.Reader a1, int a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(int a0, Object a1, int a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(int a0, Object a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNull(String a0) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBoolean(String a0, boolean a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateByte(String a0, byte a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateShort(String a0, short a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateInt(String a0, int a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateLong(String a0, long a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateFloat(String a0, float a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateDouble(String a0, double a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBigDecimal(String a0, java.math.BigDecimal a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateString(String a0, String a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBytes(String a0, byte[] a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateDate(String a0, java.sql.Date a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateTime(String a0, java.sql.Time a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateTimestamp(String a0, java.sql.Timestamp a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(String a0, java.io.InputStream a1, int a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(String a0, java.io.InputStream a1, int a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(String a0, java.io.Reader a1, int a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(String a0, Object a1, int a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(String a0, Object a1) throws SQLException {
        throw readOnly();
    }


    @Override
    public void updateRef(int a0, java.sql.Ref a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateRef(String a0, java.sql.Ref a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(int a0, java.sql.Blob a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(String a0, java.sql.Blob a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(int a0, java.sql.Clob a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(String a0, java.sql.Clob a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateArray(int a0, java.sql.Array a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateArray(String a0, java.sql.Array a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateRowId(int a0, java.sql.RowId a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateRowId(String a0, java.sql.RowId a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNString(int a0, String a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNString(String a0, String a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(int a0, java.sql.NClob a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(String a0, java.sql.NClob a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateSQLXML(int a0, java.sql.SQLXML a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateSQLXML(String a0, java.sql.SQLXML a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNCharacterStream(int a0, java.io.Reader a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNCharacterStream(String a0, java.io.Reader a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(int a0, java.io.InputStream a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(int a0, java.io.InputStream a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(int a0, java.io.Reader a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(String a0, java.io.InputStream a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(String a0, java.io.InputStream a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(String a0, java.io.Reader a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(int a0, java.io.InputStream a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(String a0, java.io.InputStream a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(int a0, java.io.Reader a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(String a0, java.io.Reader a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(int a0, java.io.Reader a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(String a0, java.io.Reader a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNCharacterStream(int a0, java.io.Reader a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNCharacterStream(String a0, java.io.Reader a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(int a0, java.io.InputStream a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(int a0, java.io.InputStream a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(int a0, java.io.Reader a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(String a0, java.io.InputStream a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(String a0, java.io.InputStream a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(String a0, java.io.Reader a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(int a0, java.io.InputStream a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(String a0, java.io.InputStream a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(int a0, java.io.Reader a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(String a0, java.io.Reader a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(int a0, java.io.Reader a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(String a0, java.io.Reader a1) throws SQLException {
        throw readOnly();
    }

}
