/*
 * The "datetime" function library: SQLite 3.40's date and time functions
 * (date, time, datetime, julianday, unixepoch, strftime) and the
 * current_date / current_time / current_timestamp keywords, which the parser
 * turns into zero-argument calls; and timediff() of 3.43.
 */
package turso.functions.datetime;

import java.time.ZoneId;
import java.util.List;
import turso.api.spi.FunctionLibrary;
import turso.api.spi.SqlFunction;
import turso.functions.datetime.DateTimeFunction.Kind;

public final class DateTimeLibrary implements FunctionLibrary {

    private final List<SqlFunction> functions;

    /** The library ServiceLoader builds: 'localtime' and 'utc' use the JVM's default zone. */
    public DateTimeLibrary() {
        this(null);
    }

    /** A library whose 'localtime' and 'utc' use {@code zone} (null for the JVM's default). */
    DateTimeLibrary(ZoneId zone) {
        functions = List.of(
                DateTimeFunction.variadic("date", Kind.DATE, zone),
                DateTimeFunction.variadic("time", Kind.TIME, zone),
                DateTimeFunction.variadic("datetime", Kind.DATETIME, zone),
                DateTimeFunction.variadic("julianday", Kind.JULIANDAY, zone),
                DateTimeFunction.variadic("unixepoch", Kind.UNIXEPOCH, zone),
                DateTimeFunction.variadic("strftime", Kind.STRFTIME, zone),
                new TimeDiff(zone),
                DateTimeFunction.current("current_date", Kind.DATE, zone),
                DateTimeFunction.current("current_time", Kind.TIME, zone),
                DateTimeFunction.current("current_timestamp", Kind.DATETIME, zone));
    }

    @Override
    public String name() {
        return "datetime";
    }

    @Override
    public List<SqlFunction> functions() {
        return functions;
    }
}
