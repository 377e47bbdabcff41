/*
 * timediff(A, B) (SQLite 3.43+): the time to add to B to reach A, as text
 * "±YYYY-MM-DD HH:MM:SS.SSS". Whole years and months are counted first, by
 * moving B's year and month onto A's and stepping back a month while that
 * overshoots; what remains is shown as a date and time counted from
 * 0000-01-01 00:00 (days as the day of the month less one). NULL when either
 * argument is not a time value.
 */
package turso.functions.datetime;

import java.time.ZoneId;
import java.util.Set;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionContext;
import turso.api.spi.FunctionFlag;
import turso.api.spi.FunctionResult;
import turso.api.spi.ScalarFunction;

record TimeDiff(ZoneId zone) implements ScalarFunction {

    /** Julian-day milliseconds of 0000-01-01 00:00:00, where the remainder is counted from. */
    private static final long YEAR_ZERO_JD_MS = 148_699_540_800_000L;

    @Override
    public String name() {
        return "timediff";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public Set<FunctionFlag> flags() {
        return Set.of(FunctionFlag.DETERMINISTIC);
    }

    @Override
    public void invoke(FunctionContext context, FunctionArguments args, FunctionResult result) {
        DateTimeState a = DateTimeFunction.evaluate(context, args, 0, 1, zone);
        DateTimeState b = a == null ? null : DateTimeFunction.evaluate(context, args, 1, 2, zone);
        if (b == null) {
            result.setNull();
            return;
        }
        a.computeYmdHms();
        b.computeYmdHms();
        boolean forward = a.jdMs >= b.jdMs;
        int years = forward ? a.year - b.year : b.year - a.year;
        if (years != 0) {
            moveTo(b, a.year, b.month);
        }
        int months = forward ? a.month - b.month : b.month - a.month;
        if (months < 0) {
            years--;
            months += 12;
        }
        if (months != 0) {
            moveTo(b, b.year, a.month);
        }
        int step = forward ? -1 : 1;
        while (forward ? a.jdMs < b.jdMs : a.jdMs > b.jdMs) {
            months--;
            if (months < 0) {
                months = 11;
                years--;
            }
            int month = b.month + step;
            int year = b.year;
            if (month < 1) {
                month = 12;
                year--;
            } else if (month > 12) {
                month = 1;
                year++;
            }
            moveTo(b, year, month);
            if (b.error) {
                result.setNull();
                return;
            }
        }
        DateTimeState rest = new DateTimeState();
        rest.jdMs = Math.abs(a.jdMs - b.jdMs) + YEAR_ZERO_JD_MS;
        rest.validJd = true;
        rest.computeYmdHms();
        StringBuilder sb = new StringBuilder(25).append(forward ? '+' : '-');
        pad(sb, years, 4).append('-');
        pad(sb, months, 2).append('-');
        pad(sb, rest.day - 1, 2).append(' ');
        pad(sb, rest.hour, 2).append(':');
        pad(sb, rest.minute, 2).append(':');
        sb.append(SqlitePrintf.fixed3(rest.seconds));
        result.setText(sb.toString());
    }

    /** The same day and time in another month: its Julian day recomputed from the fields. */
    private static void moveTo(DateTimeState p, int year, int month) {
        p.year = year;
        p.month = month;
        p.validJd = false;
        p.computeJd();
    }

    private static StringBuilder pad(StringBuilder sb, int v, int width) {
        String digits = Integer.toString(v);
        return sb.repeat('0', Math.max(0, width - digits.length())).append(digits);
    }
}
