/*
 * Test double of the VM's argument accessor over boxed values, converting as
 * sqlite3_value_* do for the cases these tests use: numbers read as text give
 * SQLite's text form (integers in decimal, reals as printf "%!.15g"), text
 * read as a number takes its numeric prefix, blobs read as text are UTF-8.
 */
package turso.functions.datetime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import turso.api.DataType;
import turso.api.Value;
import turso.api.spi.FunctionArguments;

record FakeArguments(List<Value> values) implements FunctionArguments {

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public DataType type(int index) {
        return values.get(index).type();
    }

    @Override
    public DataType numericType(int index) {
        return type(index);
    }

    @Override
    public long getLong(int index) {
        return switch (values.get(index)) {
            case Value.Int i -> i.value();
            case Value.Real r -> (long) r.value();
            default -> (long) getDouble(index);
        };
    }

    @Override
    public double getDouble(int index) {
        return switch (values.get(index)) {
            case Value.Int i -> i.value();
            case Value.Real r -> r.value();
            case Value.Null n -> 0.0;
            default -> numericPrefix(getText(index));
        };
    }

    @Override
    public String getText(int index) {
        return switch (values.get(index)) {
            case Value.Null n -> null;
            case Value.Int i -> Long.toString(i.value());
            case Value.Real r -> realText(r.value());
            case Value.Text t -> t.value();
            case Value.Blob b -> new String(b.value(), StandardCharsets.UTF_8);
        };
    }

    @Override
    public byte[] getTextUtf8(int index) {
        String text = getText(index);
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] getBlob(int index) {
        return values.get(index) instanceof Value.Blob b ? b.value() : getTextUtf8(index);
    }

    @Override
    public int byteLength(int index) {
        byte[] bytes = getBlob(index);
        return bytes == null ? 0 : bytes.length;
    }

    @Override
    public int subtype(int index) {
        return 0;
    }

    @Override
    public Value get(int index) {
        return values.get(index);
    }

    /** SQLite's text form of a real: 15 significant digits, always with a point or an exponent. */
    static String realText(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        if (v == 0.0) {
            return "0.0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(15, RoundingMode.HALF_EVEN));
        int exp = rounded.precision() - rounded.scale() - 1;
        if (exp < -4 || exp >= 15) {
            String digits = rounded.unscaledValue().abs().toString().replaceAll("0+$", "");
            String mantissa = digits.length() == 1 ? digits + ".0" : digits.charAt(0) + "." + digits.substring(1);
            return (v < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
        }
        String plain = rounded.stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static double numericPrefix(String text) {
        int end = 0;
        int n = text.length();
        while (end < n && Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        int start = end;
        double best = 0.0;
        for (int i = n; i > start; i--) {
            try {
                String candidate = text.substring(start, i);
                if (candidate.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    best = Double.parseDouble(candidate);
                    break;
                }
            } catch (NumberFormatException e) {
                break;
            }
        }
        return best;
    }
}
