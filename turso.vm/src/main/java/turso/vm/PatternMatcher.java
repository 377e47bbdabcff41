/*
 * LIKE and GLOB matching over UTF-8 bytes, with SQLite's rules.
 * LIKE: '%' any run of characters, '_' one character, an optional ESCAPE
 * character making the next one literal; ASCII letters match without regard
 * to case unless case_sensitive_like is on (other letters always match
 * exactly). GLOB: '*', '?', and '[...]' sets with '^' negation and 'a-z'
 * ranges; always case-sensitive. A wildcard run is matched by backtracking to
 * the last '%' or '*' only, so matching takes at most
 * pattern-length x text-length steps whatever the pattern.
 */
package turso.vm;

public final class PatternMatcher {
    private PatternMatcher() {
    }

    /** SQLite's default SQLITE_MAX_LIKE_PATTERN_LENGTH. */
    public static final int MAX_PATTERN_LENGTH = 50000;

    /** No ESCAPE character. */
    public static final int NO_ESCAPE = -1;

    public static boolean like(byte[] pattern, int pOff, int pLen, byte[] text, int tOff, int tLen,
                               int escape, boolean caseSensitive) {
        return match(pattern, pOff, pOff + pLen, text, tOff, tOff + tLen, false, escape, !caseSensitive);
    }

    public static boolean like(byte[] pattern, byte[] text, int escape, boolean caseSensitive) {
        return like(pattern, 0, pattern.length, text, 0, text.length, escape, caseSensitive);
    }

    public static boolean glob(byte[] pattern, int pOff, int pLen, byte[] text, int tOff, int tLen) {
        return match(pattern, pOff, pOff + pLen, text, tOff, tOff + tLen, true, NO_ESCAPE, false);
    }

    public static boolean glob(byte[] pattern, byte[] text) {
        return glob(pattern, 0, pattern.length, text, 0, text.length);
    }

    private static int fold(int c, boolean noCase) {
        return noCase && c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static boolean match(byte[] p, int pPos, int pEnd, byte[] t, int tPos, int tEnd,
                                 boolean isGlob, int escape, boolean noCase) {
        // an ESCAPE character that is itself a wildcard stops being a wildcard
        int matchAll = isGlob ? '*' : escape == '%' ? -2 : '%';
        int matchOne = isGlob ? '?' : escape == '_' ? -2 : '_';
        int starP = -1;
        int starT = -1;
        while (true) {
            if (pPos < pEnd) {
                int c = Utf8.codePointAt(p, pPos, pEnd);
                int pNext = Utf8.nextChar(p, pPos, pEnd);
                if (c == matchAll) {
                    pPos = pNext;
                    starP = pPos;
                    starT = tPos;
                    continue;
                }
                if (tPos < tEnd) {
                    int tc = Utf8.codePointAt(t, tPos, tEnd);
                    int tNext = Utf8.nextChar(t, tPos, tEnd);
                    boolean r;
                    int after = pNext;
                    if (!isGlob && c == escape) {
                        if (pNext >= pEnd) {
                            return false;
                        }
                        int lit = Utf8.codePointAt(p, pNext, pEnd);
                        after = Utf8.nextChar(p, pNext, pEnd);
                        r = fold(lit, noCase) == fold(tc, noCase);
                    } else if (c == matchOne) {
                        r = true;
                    } else if (isGlob && c == '[') {
                        int end = setEnd(p, pNext, pEnd);
                        if (end < 0) {
                            return false;
                        }
                        r = inSet(p, pNext, end, tc);
                        after = end + 1;
                    } else {
                        r = fold(c, noCase) == fold(tc, noCase);
                    }
                    if (r) {
                        pPos = after;
                        tPos = tNext;
                        continue;
                    }
                } else if (!isGlob && c == escape && pNext >= pEnd) {
                    return false;
                }
            } else if (tPos >= tEnd) {
                return true;
            }
            if (starP < 0 || starT >= tEnd) {
                return false;
            }
            starT = Utf8.nextChar(t, starT, tEnd);
            tPos = starT;
            pPos = starP;
        }
    }

    /** The index of the ']' closing a set whose body starts at {@code pos}, or -1. */
    private static int setEnd(byte[] p, int pos, int end) {
        int i = pos;
        if (i < end && p[i] == '^') {
            i++;
        }
        if (i < end && p[i] == ']') {
            i++;
        }
        while (i < end && p[i] != ']') {
            i = Utf8.nextChar(p, i, end);
        }
        return i < end ? i : -1;
    }

    /** Whether character {@code c} is in the set {@code p[pos, end)} (the part between '[' and ']'). */
    private static boolean inSet(byte[] p, int pos, int end, int c) {
        boolean invert = false;
        int i = pos;
        if (i < end && p[i] == '^') {
            invert = true;
            i++;
        }
        boolean seen = false;
        int prior = -1;
        boolean first = true;
        while (i < end) {
            int x = Utf8.codePointAt(p, i, end);
            int next = Utf8.nextChar(p, i, end);
            if (!first && x == '-' && prior >= 0 && next < end) {
                int hi = Utf8.codePointAt(p, next, end);
                if (c >= prior && c <= hi) {
                    seen = true;
                }
                prior = -1;
                i = Utf8.nextChar(p, next, end);
            } else {
                if (x == c) {
                    seen = true;
                }
                prior = x;
                i = next;
            }
            first = false;
        }
        return seen != invert;
    }
}
