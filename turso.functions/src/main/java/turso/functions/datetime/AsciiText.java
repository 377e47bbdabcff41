/*
 * Character tests as SQLite's C code makes them: only ASCII letters fold
 * case and only ASCII blanks are spaces. Java's own case-insensitive
 * comparisons fold letters such as 'ſ' (long s) to 's' and 'ı' (dotless i)
 * to 'i', which would let 'ſtart of day' through where SQLite returns NULL.
 */
package turso.functions.datetime;

final class AsciiText {

    private AsciiText() {
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static char toLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** Whether text[from, from + word.length()) is {@code word} (lower case) up to ASCII case. */
    static boolean regionMatches(String text, int from, String word) {
        if (from < 0 || from + word.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (toLower(text.charAt(from + i)) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether text is {@code word} (lower case) up to ASCII case. */
    static boolean equals(String text, String word) {
        return text.length() == word.length() && regionMatches(text, 0, word);
    }
}
