/*
 * Shared test support: what an SQL expression gave, in one comparable form
 * shared by our functions, sqlite-jdbc and the sqlite3 CLI fixtures:
 * "type:payload" with text and blobs in hex (UTF-8), reals as numbers, or
 * "error:message".
 */
package turso.functions.testing;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import turso.api.Value;

public record Outcome(String type, String payload) {

    public static Outcome parse(String s) {
        int colon = s.indexOf(':');
        return new Outcome(s.substring(0, colon), s.substring(colon + 1));
    }

    public static Outcome error(String message) {
        return new Outcome("error", message);
    }

    public static Outcome of(FakeResult r) {
        if (r.errorMessage() != null) {
            return error(r.errorMessage());
        }
        return of(r.value());
    }

    public static Outcome of(Value v) {
        return switch (v) {
            case Value.Null n -> new Outcome("null", "");
            case Value.Int i -> new Outcome("integer", Long.toString(i.value()));
            case Value.Real r -> new Outcome("real", realPayload(r.value()));
            case Value.Text t -> new Outcome("text", HexFormat.of().withUpperCase()
                    .formatHex(t.value().getBytes(StandardCharsets.UTF_8)));
            case Value.Blob b -> new Outcome("blob", HexFormat.of().withUpperCase().formatHex(b.value()));
        };
    }

    static String realPayload(double d) {
        return Double.isInfinite(d) ? (d > 0 ? "Inf" : "-Inf") : Double.toString(d);
    }

    private static double real(String payload) {
        return switch (payload) {
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(payload);
        };
    }

    /** Equal, reals within {@code relativeTolerance} (0 for exact). */
    public boolean matches(Outcome other, double relativeTolerance) {
        if (!type.equals(other.type)) {
            return false;
        }
        if (!type.equals("real")) {
            return payload.equals(other.payload);
        }
        double a = real(payload);
        double b = real(other.payload);
        if (a == b) {
            return true;
        }
        return Math.abs(a - b) <= relativeTolerance * Math.max(Math.abs(a), Math.abs(b));
    }

    @Override
    public String toString() {
        if (type.equals("text")) {
            return "text:" + new String(HexFormat.of().parseHex(payload), StandardCharsets.UTF_8);
        }
        return type + ":" + payload;
    }
}
