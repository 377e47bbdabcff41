/*
 * One of SQLite's date and time functions as an SQL function of the SPI:
 * parses the time value and applies the modifiers (SQLite's isDate), then
 * renders the result its own way. Any invalid input gives NULL, never an
 * error. 'now' is the statement's time from the FunctionContext, so every
 * call in one statement sees the same instant.
 */
package turso.functions.datetime;

import java.time.ZoneId;
import java.util.Set;
import turso.api.DataType;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionContext;
import turso.api.spi.FunctionFlag;
import turso.api.spi.FunctionResult;
import turso.api.spi.ScalarFunction;

/**
 * @param zone the zone of 'localtime' and 'utc', or null for the JVM's default at the time of the call
 */
record DateTimeFunction(String name, int arity, Kind kind, Set<FunctionFlag> flags, ZoneId zone)
        implements ScalarFunction {

    enum Kind { DATE, TIME, DATETIME, JULIANDAY, UNIXEPOCH, STRFTIME }

    /**
     * date(), time(), datetime(), julianday(), unixepoch() and strftime() take any
     * number of arguments. They are DETERMINISTIC as in SQLite, which registers
     * them deterministic and "slow-changing" (SQLITE_FUNC_SLOCHNG): even with
     * 'now' the result is constant within a statement, which is what the flag
     * promises. SQLite also rejects 'now', 'localtime' and 'utc' at run time
     * inside indexes, CHECK constraints and generated columns; the SPI does not
     * tell a function where it is called from, so that check is not made here.
     */
    static DateTimeFunction variadic(String name, Kind kind, ZoneId zone) {
        return new DateTimeFunction(name, VARIADIC, kind, Set.of(FunctionFlag.DETERMINISTIC), zone);
    }

    /**
     * current_date, current_time and current_timestamp: SQLite does not let them
     * into indexes, CHECK constraints or generated columns, so they are not DETERMINISTIC.
     */
    static DateTimeFunction current(String name, Kind kind, ZoneId zone) {
        return new DateTimeFunction(name, 0, kind, Set.of(), zone);
    }

    @Override
    public void invoke(FunctionContext context, FunctionArguments args, FunctionResult result) {
        int first = kind == Kind.STRFTIME ? 1 : 0;
        String format = null;
        if (kind == Kind.STRFTIME) {
            format = args.size() == 0 ? null : text(args, 0);
            if (format == null) {
                result.setNull();
                return;
            }
        }
        DateTimeState value = evaluate(context, args, first, args.size(), zone);
        if (value == null) {
            result.setNull();
            return;
        }
        switch (kind) {
            case DATE -> result.setText(DateTimeFormat.date(value));
            case TIME -> result.setText(DateTimeFormat.time(value));
            case DATETIME -> result.setText(DateTimeFormat.dateTime(value));
            case JULIANDAY -> result.setDouble(value.jdMs / 86400000.0);
            case UNIXEPOCH -> {
                if (value.subsec) {
                    result.setDouble((value.jdMs - DateTimeState.UNIX_EPOCH_JD_MS) / 1000.0);
                } else {
                    result.setLong(value.jdMs / 1000 - 21086676L * 10000);
                }
            }
            case STRFTIME -> {
                if (DateTimeFormat.isSupportedFormat(format)) {
                    result.setText(DateTimeFormat.strftime(format, value));
                } else {
                    result.setNull();
                }
            }
        }
    }

    /**
     * The value arguments {@code first} to {@code end} (exclusive) describe, a time
     * value and its modifiers (SQLite's isDate), or null when they describe none.
     */
    static DateTimeState evaluate(FunctionContext context, FunctionArguments args, int first, int end, ZoneId zone) {
        DateTimeState p = new DateTimeState();
        int count = end - first;
        if (count <= 0) {
            if (!TimeValueParser.parseTimeValue("now", p, nowJdMs(context))) {
                return null;
            }
        } else {
            DataType type = args.type(first);
            if (type == DataType.INTEGER || type == DataType.REAL) {
                p.setRawNumber(args.getDouble(first));
            } else {
                String text = text(args, first);
                if (text == null || !TimeValueParser.parseTimeValue(text, p, nowJdMs(context))) {
                    return null;
                }
            }
        }
        ZoneId localZone = zone != null ? zone : ZoneId.systemDefault();
        for (int i = 1; i < count; i++) {
            String modifier = text(args, first + i);
            if (modifier == null || !DateModifiers.apply(modifier, i, p, localZone)) {
                return null;
            }
        }
        p.computeJd();
        if (p.error || !DateTimeState.isValidJulianDay(p.jdMs)) {
            return null;
        }
        return p;
    }

    private static long nowJdMs(FunctionContext context) {
        return context.statementTimeMillis() + DateTimeState.UNIX_EPOCH_JD_MS;
    }

    /** The argument as C code sees it through sqlite3_value_text: up to its first NUL. */
    private static String text(FunctionArguments args, int index) {
        String text = args.getText(index);
        if (text == null) {
            return null;
        }
        int nul = text.indexOf('\0');
        return nul < 0 ? text : text.substring(0, nul);
    }
}
