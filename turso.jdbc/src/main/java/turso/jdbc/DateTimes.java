/*
 * Dates and times as SQLite stores them and sqlite-jdbc reads and writes
 * them. Written: java.time values as their ISO text (LocalDate.toString()
 * etc., as sqlite-jdbc's setObject does); java.sql.Date/Time/Timestamp and
 * java.util.Date as integer milliseconds since 1970 (sqlite-jdbc's default
 * date_class INTEGER). Read: text in ISO or SQL form ("2024-01-02",
 * "2024-01-02 03:04:05.006", with 'T', with an offset or Z, or a time alone),
 * integers as milliseconds since 1970, reals as Julian day numbers. Text
 * without an offset is local time: in the JVM's zone (or the Calendar's) for
 * java.sql types, UTC for Instant and OffsetDateTime.
 */
package turso.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Calendar;
import turso.api.DataType;

final class DateTimes {

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private static final long JULIAN_EPOCH_MILLIS = -210866760000000L;

    private DateTimes() {
    }

    /** A point read from a column, in whichever precision the value had. */
    sealed interface Parsed {
        record Date(LocalDate date) implements Parsed {
        }

        record Time(LocalTime time) implements Parsed {
        }

        record Local(LocalDateTime dateTime) implements Parsed {
        }

        record Offset(OffsetDateTime dateTime) implements Parsed {
        }

        record Epoch(Instant instant) implements Parsed {
        }
    }

    /** Reads the value of a column as a point in time; null for NULL, a DateTimeParseException for bad text. */
    static Parsed read(Rows rows, int column) {
        DataType type = rows.type(column);
        return switch (type) {
            case NULL -> null;
            case INTEGER -> new Parsed.Epoch(Instant.ofEpochMilli(rows.longValue(column)));
            case REAL -> new Parsed.Epoch(Instant.ofEpochMilli(
                    JULIAN_EPOCH_MILLIS + Math.round(rows.doubleValue(column) * 86_400_000d)));
            default -> parse(rows.text(column));
        };
    }

    static Parsed parse(String text) {
        String s = text.trim();
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        if (s.length() >= 3 && s.charAt(2) == ':') {
            return new Parsed.Time(LocalTime.parse(s));
        }
        TemporalAccessor t = DATE_TIME.parseBest(s, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
        return switch (t) {
            case OffsetDateTime o -> new Parsed.Offset(o);
            case LocalDateTime l -> new Parsed.Local(l);
            case LocalDate d -> new Parsed.Date(d);
            default -> throw new DateTimeParseException("not a date or time", text, 0);
        };
    }

    static LocalDateTime localDateTime(Parsed p, ZoneId zone) {
        return switch (p) {
            case Parsed.Date d -> d.date().atStartOfDay();
            case Parsed.Time t -> LocalDate.EPOCH.atTime(t.time());
            case Parsed.Local l -> l.dateTime();
            case Parsed.Offset o -> o.dateTime().toLocalDateTime();
            case Parsed.Epoch e -> LocalDateTime.ofInstant(e.instant(), zone);
        };
    }

    static Instant instant(Parsed p, ZoneId zone) {
        return switch (p) {
            case Parsed.Offset o -> o.dateTime().toInstant();
            case Parsed.Epoch e -> e.instant();
            default -> localDateTime(p, zone).atZone(zone).toInstant();
        };
    }

    static OffsetDateTime offsetDateTime(Parsed p) {
        return switch (p) {
            case Parsed.Offset o -> o.dateTime();
            case Parsed.Epoch e -> e.instant().atOffset(ZoneOffset.UTC);
            default -> localDateTime(p, ZoneOffset.UTC).atOffset(ZoneOffset.UTC);
        };
    }

    static LocalDate localDate(Parsed p) {
        return localDateTime(p, ZoneId.systemDefault()).toLocalDate();
    }

    static LocalTime localTime(Parsed p) {
        return switch (p) {
            case Parsed.Time t -> t.time();
            default -> localDateTime(p, ZoneId.systemDefault()).toLocalTime();
        };
    }

    static ZoneId zone(Calendar calendar) {
        return calendar == null ? ZoneId.systemDefault() : calendar.getTimeZone().toZoneId();
    }
}
