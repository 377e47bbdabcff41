/*
 * The core functions over text and blobs: length, octet_length, lower, upper,
 * substr/substring, trim/ltrim/rtrim, replace, instr, hex, unhex, quote,
 * char, unicode, concat, concat_ws, like, glob, printf/format. Text is
 * handled as UTF-8 bytes, characters counted by lead bytes as SQLite does;
 * case mapping is ASCII only, as in SQLite built without ICU.
 */
package turso.vm.func;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import turso.api.DataType;
import turso.api.ResultCode;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionResult;
import turso.api.spi.SqlFunction;
import turso.vm.FloatFormat;
import turso.vm.PatternMatcher;
import turso.vm.RealFormat;
import turso.vm.Utf8;

final class TextFunctions {
    private TextFunctions() {
    }

    static List<SqlFunction> all() {
        return List.of(
                Scalar.of("length", 1, (c, a, r) -> length(a, r)),
                Scalar.of("octet_length", 1, (c, a, r) -> {
                    if (!a.isNull(0)) {
                        r.setLong(a.byteLength(0));
                    }
                }),
                Scalar.of("lower", 1, (c, a, r) -> caseMap(a, r, false)),
                Scalar.of("upper", 1, (c, a, r) -> caseMap(a, r, true)),
                Scalar.of("substr", 2, TextFunctions::substr),
                Scalar.of("substr", 3, TextFunctions::substr),
                Scalar.of("substring", 2, TextFunctions::substr),
                Scalar.of("substring", 3, TextFunctions::substr),
                Scalar.of("trim", 1, (c, a, r) -> trim(a, r, true, true)),
                Scalar.of("trim", 2, (c, a, r) -> trim(a, r, true, true)),
                Scalar.of("ltrim", 1, (c, a, r) -> trim(a, r, true, false)),
                Scalar.of("ltrim", 2, (c, a, r) -> trim(a, r, true, false)),
                Scalar.of("rtrim", 1, (c, a, r) -> trim(a, r, false, true)),
                Scalar.of("rtrim", 2, (c, a, r) -> trim(a, r, false, true)),
                Scalar.of("replace", 3, (c, a, r) -> {
                    try {
                        replace(a, r);
                    } catch (OutOfMemoryError e) {
                        r.setError(ResultCode.NOMEM, ResultCode.NOMEM.defaultMessage());
                    }
                }),
                Scalar.of("instr", 2, (c, a, r) -> instr(a, r)),
                Scalar.of("hex", 1, (c, a, r) -> hex(a, r)),
                Scalar.of("unhex", 1, (c, a, r) -> unhex(a, r)),
                Scalar.of("unhex", 2, (c, a, r) -> unhex(a, r)),
                Scalar.of("quote", 1, (c, a, r) -> r.setTextUtf8(quote(a, 0))),
                Scalar.of("char", SqlFunction.VARIADIC, (c, a, r) -> chars(a, r)),
                Scalar.of("unicode", 1, (c, a, r) -> {
                    byte[] t = a.getTextUtf8(0);
                    if (t != null && t.length > 0 && t[0] != 0) {
                        r.setLong(Utf8.codePointAt(t, 0, t.length));
                    }
                }),
                Scalar.of("concat", SqlFunction.VARIADIC, (c, a, r) -> concat(a, r, false)),
                Scalar.of("concat_ws", SqlFunction.VARIADIC, (c, a, r) -> concat(a, r, true)),
                likeFunctions(false).get(0),
                likeFunctions(false).get(1),
                Scalar.of("glob", 2, (c, a, r) -> glob(a, r)),
                Scalar.of("printf", SqlFunction.VARIADIC, (c, a, r) -> printf(a, r)),
                Scalar.of("format", SqlFunction.VARIADIC, (c, a, r) -> printf(a, r)));
    }

    private static void length(FunctionArguments a, FunctionResult r) {
        switch (a.type(0)) {
            case NULL -> {
            }
            case BLOB -> r.setLong(a.byteLength(0));
            case INTEGER, REAL -> r.setLong(a.byteLength(0));
            case TEXT -> {
                byte[] t = a.getTextUtf8(0);
                int end = 0;
                while (end < t.length && t[end] != 0) {
                    end++;
                }
                r.setLong(Utf8.charCount(t, 0, end));
            }
        }
    }

    private static void caseMap(FunctionArguments a, FunctionResult r, boolean upper) {
        byte[] t = a.getTextUtf8(0);
        if (t == null) {
            return;
        }
        byte[] out = new byte[t.length];
        for (int i = 0; i < t.length; i++) {
            byte b = t[i];
            if (upper && b >= 'a' && b <= 'z') {
                b -= 32;
            } else if (!upper && b >= 'A' && b <= 'Z') {
                b += 32;
            }
            out[i] = b;
        }
        r.setTextUtf8(out);
    }

    private static void substr(turso.api.spi.FunctionContext c, FunctionArguments a, FunctionResult r) {
        if (a.isNull(0) || a.isNull(1) || (a.size() == 3 && a.isNull(2))) {
            return;
        }
        boolean blob = a.type(0) == DataType.BLOB;
        byte[] z = blob ? a.getBlob(0) : Args.untilNul(a.getTextUtf8(0));
        if (blob && z.length == 0) {
            return;
        }
        long p1 = (int) a.getLong(1);
        long p2;
        boolean negP2 = false;
        if (a.size() == 3) {
            p2 = (int) a.getLong(2);
            if (p2 < 0) {
                p2 = -p2;
                negP2 = true;
            }
        } else {
            p2 = Printf.MAX_LENGTH;
        }
        long len = 0;
        if (p1 < 0) {
            len = blob ? z.length : Utf8.charCount(z, 0, z.length);
        }
        if (p1 < 0) {
            p1 += len;
            if (p1 < 0) {
                p2 += p1;
                if (p2 < 0) {
                    p2 = 0;
                }
                p1 = 0;
            }
        } else if (p1 > 0) {
            p1--;
        } else if (p2 > 0) {
            p2--;
        }
        if (negP2) {
            p1 -= p2;
            if (p1 < 0) {
                p2 += p1;
                p1 = 0;
            }
        }
        if (blob) {
            long start = Math.min(p1, z.length);
            long end = Math.min(start + p2, z.length);
            r.setBlob(Arrays.copyOfRange(z, (int) start, (int) end));
        } else {
            int start = Utf8.skipChars(z, 0, z.length, p1);
            int end = Utf8.skipChars(z, start, z.length, p2);
            r.setTextUtf8(Arrays.copyOfRange(z, start, end));
        }
    }

    private static void trim(FunctionArguments a, FunctionResult r, boolean leading, boolean trailing) {
        byte[] t = a.getTextUtf8(0);
        if (t == null) {
            return;
        }
        int start = 0;
        int end = t.length;
        if (a.size() == 1) {
            while (leading && start < end && t[start] == ' ') {
                start++;
            }
            while (trailing && end > start && t[end - 1] == ' ') {
                end--;
            }
        } else {
            byte[] set = Args.untilNul(a.getTextUtf8(1));
            if (set == null) {
                return;
            }
            if (leading) {
                while (start < end) {
                    int n = matchSet(t, start, end, set, true);
                    if (n == 0) {
                        break;
                    }
                    start += n;
                }
            }
            if (trailing) {
                while (end > start) {
                    int n = matchSet(t, start, end, set, false);
                    if (n == 0) {
                        break;
                    }
                    end -= n;
                }
            }
        }
        r.setTextUtf8(Arrays.copyOfRange(t, start, end));
    }

    /** The byte length of a character of {@code set} found at the start (or end) of {@code t[start,end)}, or 0. */
    private static int matchSet(byte[] t, int start, int end, byte[] set, boolean atStart) {
        int i = 0;
        while (i < set.length) {
            int next = Utf8.nextChar(set, i, set.length);
            int n = next - i;
            if (n <= end - start) {
                int at = atStart ? start : end - n;
                if (Arrays.equals(t, at, at + n, set, i, next)) {
                    return n;
                }
            }
            i = next;
        }
        return 0;
    }

    private static void replace(FunctionArguments a, FunctionResult r) {
        byte[] s = a.getTextUtf8(0);
        if (s == null) {
            return;
        }
        byte[] pattern = a.getTextUtf8(1);
        if (pattern == null) {
            return;
        }
        if (pattern.length == 0 || pattern[0] == 0) {
            // SQLite tests the pattern as a C string: empty, or starting with NUL, changes nothing;
            // the subject comes back unchanged, except that a blob has been read as text
            if (a.type(0) == DataType.BLOB) {
                r.setTextUtf8(s);
            } else {
                r.setArgument(a, 0);
            }
            return;
        }
        byte[] rep = a.getTextUtf8(2);
        if (rep == null) {
            return;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length);
        int i = 0;
        while (i <= s.length - pattern.length) {
            if (Arrays.equals(s, i, i + pattern.length, pattern, 0, pattern.length)) {
                out.write(rep, 0, rep.length);
                i += pattern.length;
            } else {
                out.write(s[i]);
                i++;
            }
            if (out.size() > Printf.MAX_LENGTH) {
                r.setError(ResultCode.TOOBIG, "string or blob too big");
                return;
            }
        }
        out.write(s, i, s.length - i);
        r.setTextUtf8(out.toByteArray());
    }

    private static void instr(FunctionArguments a, FunctionResult r) {
        if (a.isNull(0) || a.isNull(1)) {
            return;
        }
        boolean text = !(a.type(0) == DataType.BLOB && a.type(1) == DataType.BLOB);
        byte[] hay = text ? a.getTextUtf8(0) : a.getBlob(0);
        byte[] needle = text ? a.getTextUtf8(1) : a.getBlob(1);
        long n = 1;
        if (needle.length > 0) {
            int pos = 0;
            while (needle.length <= hay.length - pos
                    && !Arrays.equals(hay, pos, pos + needle.length, needle, 0, needle.length)) {
                n++;
                pos = text ? Utf8.nextChar(hay, pos, hay.length) : pos + 1;
            }
            if (needle.length > hay.length - pos) {
                n = 0;
            }
        }
        r.setLong(n);
    }

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private static void hex(FunctionArguments a, FunctionResult r) {
        byte[] b = a.isNull(0) ? new byte[0] : a.getBlob(0);
        byte[] out = new byte[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = HEX[(b[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[b[i] & 0xF];
        }
        r.setTextUtf8(out);
    }

    private static int hexValue(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** unhex(X [, Y]): pairs of hex digits, characters of Y allowed between pairs; NULL if malformed. */
    private static void unhex(FunctionArguments a, FunctionResult r) {
        if (a.isNull(0) || (a.size() == 2 && a.isNull(1))) {
            return;
        }
        byte[] t = Args.untilNul(a.getTextUtf8(0));
        byte[] ignore = a.size() == 2 ? Args.untilNul(a.getTextUtf8(1)) : new byte[0];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(t.length / 2);
        int i = 0;
        while (i < t.length) {
            int hi = hexValue(t[i]);
            if (hi < 0) {
                int next = Utf8.nextChar(t, i, t.length);
                if (!containsChar(ignore, t, i, next)) {
                    return;
                }
                i = next;
                continue;
            }
            if (i + 1 >= t.length) {
                return;
            }
            int lo = hexValue(t[i + 1]);
            if (lo < 0) {
                return;
            }
            out.write(hi << 4 | lo);
            i += 2;
        }
        r.setBlob(out.toByteArray());
    }

    private static boolean containsChar(byte[] set, byte[] t, int from, int to) {
        int i = 0;
        while (i < set.length) {
            int next = Utf8.nextChar(set, i, set.length);
            if (Arrays.equals(set, i, next, t, from, to)) {
                return true;
            }
            i = next;
        }
        return false;
    }

    /** quote(X): X as an SQL literal. */
    static byte[] quote(FunctionArguments a, int i) {
        return switch (a.type(i)) {
            case NULL -> "NULL".getBytes(StandardCharsets.US_ASCII);
            case INTEGER -> Long.toString(a.getLong(i)).getBytes(StandardCharsets.US_ASCII);
            case REAL -> quoteReal(a.getDouble(i)).getBytes(StandardCharsets.US_ASCII);
            case TEXT -> {
                byte[] t = a.getTextUtf8(i);
                int end = 0;
                while (end < t.length && t[end] != 0) {
                    end++;
                }
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(end + 2);
                out.write('\'');
                for (int k = 0; k < end; k++) {
                    out.write(t[k]);
                    if (t[k] == '\'') {
                        out.write('\'');
                    }
                }
                out.write('\'');
                yield out.toByteArray();
            }
            case BLOB -> {
                byte[] b = a.getBlob(i);
                byte[] out = new byte[b.length * 2 + 3];
                out[0] = 'X';
                out[1] = '\'';
                for (int k = 0; k < b.length; k++) {
                    out[2 + 2 * k] = HEX[(b[k] >> 4) & 0xF];
                    out[3 + 2 * k] = HEX[b[k] & 0xF];
                }
                out[out.length - 1] = '\'';
                yield out;
            }
        };
    }

    /** A real as quote() writes it: 15 digits if they read back as the same real, else 20 in exponent form. */
    static String quoteReal(double d) {
        String s = RealFormat.render(d);
        if (Double.isFinite(d) && readReal(s) != d) {
            s = FloatFormat.format(d, 'e', 20, false, false, false, true);
        }
        return s;
    }

    /** Text read back as a real the way SQLite reads it. */
    static double readReal(String s) {
        turso.vm.Register r = new turso.vm.Register();
        r.setText(s);
        return r.toDouble();
    }

    private static void chars(FunctionArguments a, FunctionResult r) {
        byte[] out = new byte[a.size() * 4];
        int pos = 0;
        for (int i = 0; i < a.size(); i++) {
            long cp = a.getLong(i);
            if (cp < 0 || cp > 0x10FFFF) {
                cp = 0xFFFD;
            }
            pos = Utf8.encode((int) cp, out, pos);
        }
        r.setTextUtf8(Arrays.copyOf(out, pos));
    }

    private static void concat(FunctionArguments a, FunctionResult r, boolean withSeparator) {
        int first = withSeparator ? 1 : 0;
        if (a.size() <= first) {
            r.setError("wrong number of arguments to function " + (withSeparator ? "concat_ws" : "concat") + "()");
            return;
        }
        byte[] sep = null;
        if (withSeparator) {
            if (a.isNull(0)) {
                return;
            }
            sep = a.getTextUtf8(0);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        boolean any = false;
        for (int i = first; i < a.size(); i++) {
            if (a.isNull(i)) {
                continue;
            }
            if (any && sep != null) {
                out.write(sep, 0, sep.length);
            }
            byte[] v = a.getTextUtf8(i);
            out.write(v, 0, v.length);
            any = true;
        }
        r.setTextUtf8(out.toByteArray());
    }

    /** like(X, Y) and like(X, Y, Z), ASCII case folding unless {@code caseSensitive}. */
    static List<SqlFunction> likeFunctions(boolean caseSensitive) {
        return List.of(
                Scalar.of("like", 2, (c, a, r) -> like(a, r, caseSensitive)),
                Scalar.of("like", 3, (c, a, r) -> like(a, r, caseSensitive)));
    }

    /** The checks come in SQLite's order: pattern length, then the ESCAPE, then NULL operands. */
    private static void like(FunctionArguments a, FunctionResult r, boolean caseSensitive) {
        if (a.byteLength(0) > PatternMatcher.MAX_PATTERN_LENGTH) {
            r.setError("LIKE or GLOB pattern too complex");
            return;
        }
        int escape = PatternMatcher.NO_ESCAPE;
        if (a.size() == 3) {
            byte[] e = Args.untilNul(a.getTextUtf8(2));
            if (e == null) {
                return;
            }
            if (Utf8.charCount(e, 0, e.length) != 1) {
                r.setError("ESCAPE expression must be a single character");
                return;
            }
            escape = Utf8.codePointAt(e, 0, e.length);
        }
        byte[] pattern = Args.untilNul(a.getTextUtf8(0));
        byte[] text = Args.untilNul(a.getTextUtf8(1));
        if (pattern == null || text == null) {
            return;
        }
        r.setLong(PatternMatcher.like(pattern, text, escape, caseSensitive) ? 1 : 0);
    }

    private static void glob(FunctionArguments a, FunctionResult r) {
        if (a.byteLength(0) > PatternMatcher.MAX_PATTERN_LENGTH) {
            r.setError("LIKE or GLOB pattern too complex");
            return;
        }
        byte[] pattern = Args.untilNul(a.getTextUtf8(0));
        byte[] text = Args.untilNul(a.getTextUtf8(1));
        if (pattern == null || text == null) {
            return;
        }
        r.setLong(PatternMatcher.glob(pattern, text) ? 1 : 0);
    }

    private static void printf(FunctionArguments a, FunctionResult r) {
        try {
            byte[] out = Printf.format(a, 0);
            if (out != null) {
                r.setTextUtf8(out);
            }
        } catch (Printf.TooBig e) {
            r.setError(ResultCode.TOOBIG, "string or blob too big");
        } catch (OutOfMemoryError e) {
            r.setError(ResultCode.NOMEM, ResultCode.NOMEM.defaultMessage());
        }
    }
}
