/*
 * Cuts a dot-command line into words the way sqlite3 3.40 does: words are
 * separated by white space; a word in single quotes is taken as written, a
 * word in double quotes or without quotes has its backslash escapes (\t, \n,
 * \\, octal \NNN, ...) resolved. An unterminated quote runs to the end of the
 * line. At most 49 words are kept, as sqlite3's argument array holds.
 */
package turso.cli;

import java.util.ArrayList;
import java.util.List;

final class CommandWords {

    private static final int MAX_WORDS = 49;

    private CommandWords() {
    }

    /** The words of {@code line}, which starts with the dot; the first word is the command name without it. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        int i = line.startsWith(".") ? 1 : 0;
        int n = line.length();
        while (i < n && words.size() < MAX_WORDS) {
            while (i < n && isSpace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int start = ++i;
                while (i < n && line.charAt(i) != c) {
                    if (line.charAt(i) == '\\' && c == '"' && i + 1 < n) {
                        i++;
                    }
                    i++;
                }
                String word = line.substring(start, Math.min(i, n));
                words.add(c == '"' ? resolveBackslashes(word) : word);
                i++;
            } else {
                int start = i;
                while (i < n && !isSpace(line.charAt(i))) {
                    i++;
                }
                words.add(resolveBackslashes(line.substring(start, i)));
            }
        }
        return words;
    }

    /** sqlite3's escapes: the C ones, quotes, backslash and up to three octal digits; any other letter stands for itself. */
    static String resolveBackslashes(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
                switch (c) {
                    case 'a' -> c = 7;
                    case 'b' -> c = '\b';
                    case 't' -> c = '\t';
                    case 'n' -> c = '\n';
                    case 'v' -> c = 11;
                    case 'f' -> c = '\f';
                    case 'r' -> c = '\r';
                    default -> {
                        if (c >= '0' && c <= '7') {
                            int value = c - '0';
                            for (int k = 0; k < 2 && i + 1 < s.length() && isOctal(s.charAt(i + 1)); k++) {
                                value = (value << 3) + s.charAt(++i) - '0';
                            }
                            c = (char) (value & 0xff);
                        }
                    }
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 11 || c == '\f';
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }
}
