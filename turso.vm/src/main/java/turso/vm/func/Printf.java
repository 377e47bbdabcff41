/*
 * SQL's printf()/format(): SQLite's printf dialect over SQL values
 * (printf.html). Flags - + space 0 # ! and ',' (thousands), width and
 * precision (also from '*' arguments), conversions d i u x X o p c s z q Q w
 * f e E g G n %, and the 'l' / 'll' length modifiers (ignored). Missing
 * arguments read as NULL; an unknown conversion ends the output there.
 * Reals are converted by FloatFormat, digit for digit as SQLite 3.40 does.
 */
package turso.vm.func;

import java.nio.charset.StandardCharsets;
import turso.api.spi.FunctionArguments;
import turso.vm.FloatFormat;

final class Printf {
    private Printf() {
    }

    /** Output longer than this is SQLite's "string or blob too big". */
    static final int MAX_LENGTH = 1_000_000_000;

    /** SQLite lowers a larger precision of f, e and g to this (SQLITE_FP_PRECISION_LIMIT) instead of failing. */
    private static final long FLOAT_PRECISION_LIMIT = 100_000_000;

    static final class TooBig extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooBig() {
            super(null, null, false, false);
        }
    }

    /** Formats {@code args[first]} with the arguments after it; null if the format is NULL or absent, or nothing was written. */
    static byte[] format(FunctionArguments args, int first) {
        if (args.size() <= first || args.isNull(first)) {
            return null;
        }
        byte[] f = Args.untilNul(args.getTextUtf8(first));
        Out out = new Out();
        // SQLite's result is NULL when nothing at all was written or converted
        boolean touched = false;
        int next = first + 1;
        int i = 0;
        int n = f.length;
        outer:
        while (i < n) {
            byte c = f[i];
            if (c != '%') {
                int j = i;
                while (j < n && f[j] != '%') {
                    j++;
                }
                out.append(f, i, j - i);
                touched = true;
                i = j;
                continue;
            }
            i++;
            if (i >= n) {
                out.append((byte) '%');
                touched = true;
                break;
            }
            boolean left = false;
            boolean plus = false;
            boolean space = false;
            boolean alt = false;
            boolean alt2 = false;
            boolean zero = false;
            boolean comma = false;
            flags:
            while (i < n) {
                switch (f[i]) {
                    case '-' -> left = true;
                    case '+' -> plus = true;
                    case ' ' -> space = true;
                    case '#' -> alt = true;
                    case '!' -> alt2 = true;
                    case '0' -> zero = true;
                    case ',' -> comma = true;
                    default -> {
                        break flags;
                    }
                }
                i++;
            }
            long width = 0;
            if (i < n && f[i] == '*') {
                long w = next < args.size() ? args.getLong(next) : 0;
                next++;
                if (w < 0) {
                    left = true;
                    w = w == Long.MIN_VALUE ? 0 : -w;
                }
                width = w;
                i++;
            } else {
                while (i < n && f[i] >= '0' && f[i] <= '9') {
                    width = Math.min(width * 10 + (f[i] - '0'), Integer.MAX_VALUE);
                    i++;
                }
            }
            long precision = -1;
            if (i < n && f[i] == '.') {
                i++;
                if (i < n && f[i] == '*') {
                    long p = next < args.size() ? args.getLong(next) : 0;
                    next++;
                    precision = p < 0 ? (p == Long.MIN_VALUE ? -1 : -p) : p;
                    i++;
                } else {
                    precision = 0;
                    while (i < n && f[i] >= '0' && f[i] <= '9') {
                        precision = Math.min(precision * 10 + (f[i] - '0'), Integer.MAX_VALUE);
                        i++;
                    }
                }
            }
            while (i < n && f[i] == 'l') {
                i++;
            }
            if (i >= n) {
                break;
            }
            char conv = (char) (f[i] & 0xFF);
            if (precision > FLOAT_PRECISION_LIMIT && "feEgG".indexOf(conv) >= 0) {
                precision = FLOAT_PRECISION_LIMIT;
            }
            if (width > MAX_LENGTH || precision > MAX_LENGTH) {
                throw new TooBig();
            }
            i++;
            int argIndex = next;
            switch (conv) {
                case 'd', 'i' -> {
                    next++;
                    long v = argIndex < args.size() ? args.getLong(argIndex) : 0;
                    String digits = v < 0 ? Long.toUnsignedString(-v) : Long.toString(v);
                    char sign = v < 0 ? '-' : plus ? '+' : space ? ' ' : 0;
                    integer(out, digits, sign, "", (int) width, (int) precision, left, zero, comma);
                }
                case 'u' -> {
                    next++;
                    long v = argIndex < args.size() ? args.getLong(argIndex) : 0;
                    integer(out, Long.toUnsignedString(v), (char) 0, "", (int) width, (int) precision, left, zero, comma);
                }
                case 'x', 'X', 'p', 'o' -> {
                    next++;
                    long v = argIndex < args.size() ? args.getLong(argIndex) : 0;
                    String digits;
                    String prefix = "";
                    if (conv == 'o') {
                        digits = Long.toOctalString(v);
                        if (alt && v != 0) {
                            prefix = "0";
                        }
                    } else {
                        digits = Long.toHexString(v);
                        if (conv != 'x') {
                            digits = digits.toUpperCase(java.util.Locale.ROOT);
                        }
                        if (alt && v != 0) {
                            prefix = conv == 'x' ? "0x" : "0X";
                        }
                    }
                    integer(out, digits, (char) 0, prefix, (int) width, (int) precision, left, zero, false);
                }
                case 'f', 'e', 'E', 'g', 'G' -> {
                    next++;
                    double v = argIndex < args.size() ? args.getDouble(argIndex) : 0.0;
                    String s = FloatFormat.format(v, conv, (int) precision, plus, space, alt, alt2);
                    if (zero && !left && s.length() < width && Double.isFinite(v)) {
                        int signLen = s.startsWith("-") || s.startsWith("+") || s.startsWith(" ") ? 1 : 0;
                        s = s.substring(0, signLen) + "0".repeat((int) width - s.length()) + s.substring(signLen);
                    }
                    padChars(out, s.getBytes(StandardCharsets.US_ASCII), (int) width, left, false);
                }
                case 'c' -> {
                    next++;
                    byte[] t = argIndex < args.size() && !args.isNull(argIndex) ? Args.untilNul(args.getTextUtf8(argIndex)) : null;
                    byte[] ch;
                    if (t == null || t.length == 0) {
                        ch = new byte[] {0};
                    } else {
                        int end = turso.vm.Utf8.nextChar(t, 0, t.length);
                        ch = java.util.Arrays.copyOf(t, end);
                    }
                    long times = precision > 1 ? precision : 1;
                    if (times * ch.length > MAX_LENGTH) {
                        throw new TooBig();
                    }
                    byte[] all = new byte[(int) (times * ch.length)];
                    for (int k = 0; k < times; k++) {
                        System.arraycopy(ch, 0, all, k * ch.length, ch.length);
                    }
                    padChars(out, all, (int) width, left, true);
                }
                case 's', 'z' -> {
                    next++;
                    byte[] t = argIndex < args.size() && !args.isNull(argIndex) ? Args.untilNul(args.getTextUtf8(argIndex)) : new byte[0];
                    int len = t.length;
                    if (precision >= 0) {
                        len = alt2 ? turso.vm.Utf8.skipChars(t, 0, t.length, precision) : (int) Math.min(len, precision);
                    }
                    padChars(out, java.util.Arrays.copyOf(t, len), (int) width, left, alt2);
                }
                case 'q', 'Q', 'w' -> {
                    next++;
                    boolean isNull = argIndex >= args.size() || args.isNull(argIndex);
                    byte[] t = isNull ? null : Args.untilNul(args.getTextUtf8(argIndex));
                    byte[] quoted = quote(t, conv, precision, alt2);
                    padChars(out, quoted, (int) width, left, alt2);
                }
                case 'n' -> {
                }
                case '%' -> padChars(out, new byte[] {'%'}, (int) width, left, false);
                default -> {
                    break outer;
                }
            }
            touched = true;
            if (out.length > MAX_LENGTH) {
                throw new TooBig();
            }
        }
        return touched ? out.toArray() : null;
    }

    private static byte[] quote(byte[] t, char conv, long precision, boolean alt2) {
        if (t == null) {
            String s = conv == 'Q' ? "NULL" : "(NULL)";
            return s.substring(0, precision >= 0 ? (int) Math.min(precision, s.length()) : s.length())
                    .getBytes(StandardCharsets.US_ASCII);
        }
        int len = t.length;
        if (precision >= 0) {
            len = alt2 ? turso.vm.Utf8.skipChars(t, 0, t.length, precision) : (int) Math.min(len, precision);
        }
        byte q = conv == 'w' ? (byte) '"' : (byte) '\'';
        Out o = new Out();
        if (conv == 'Q') {
            o.append(q);
        }
        for (int k = 0; k < len; k++) {
            o.append(t[k]);
            if (t[k] == q) {
                o.append(q);
            }
        }
        if (conv == 'Q') {
            o.append(q);
        }
        return o.toArray();
    }

    private static void integer(Out out, String digits, char sign, String prefix, int width, int precision,
                                boolean left, boolean zero, boolean comma) {
        StringBuilder body = new StringBuilder();
        // SQLite zero-pads an integer by raising its precision to the width less the sign, even when left-justified;
        // the 0x / 0 prefix of '#' and the thousands commas come on top of that
        int signWidth = sign != 0 ? 1 : 0;
        if (zero && precision < width - signWidth) {
            precision = width - signWidth;
        }
        if (precision > digits.length()) {
            body.repeat('0', precision - digits.length());
        }
        body.append(digits);
        if (comma) {
            StringBuilder grouped = new StringBuilder();
            int len = body.length();
            for (int k = 0; k < len; k++) {
                if (k > 0 && (len - k) % 3 == 0) {
                    grouped.append(',');
                }
                grouped.append(body.charAt(k));
            }
            body = grouped;
        }
        String head = (sign != 0 ? String.valueOf(sign) : "") + prefix;
        padChars(out, (head + body).getBytes(StandardCharsets.US_ASCII), width, left, false);
    }

    /** Pads to {@code width} counted in bytes, or in characters with the '!' flag. */
    private static void padChars(Out out, byte[] s, int width, boolean left, boolean countChars) {
        int len = countChars ? turso.vm.Utf8.charCount(s, 0, s.length) : s.length;
        if (width > len) {
            if (left) {
                out.append(s, 0, s.length);
                out.spaces(width - len);
            } else {
                out.spaces(width - len);
                out.append(s, 0, s.length);
            }
        } else {
            out.append(s, 0, s.length);
        }
    }

    /** A growable byte buffer. */
    private static final class Out {
        byte[] buf = new byte[32];
        int length;

        void ensure(int extra) {
            if (length + extra > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, length + extra));
            }
        }

        void append(byte b) {
            ensure(1);
            buf[length++] = b;
        }

        void append(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, length, len);
            length += len;
        }

        void spaces(int n) {
            ensure(n);
            java.util.Arrays.fill(buf, length, length + n, (byte) ' ');
            length += n;
        }

        byte[] toArray() {
            return java.util.Arrays.copyOf(buf, length);
        }
    }
}
