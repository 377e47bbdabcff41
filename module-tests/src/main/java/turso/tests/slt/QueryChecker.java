/*
 * Judges one query record against what the engine returned, as the
 * reference harness does: column count, printing by column letter, sorting
 * by the record's sort mode, then either a line-by-line compare or the
 * "N values hashing to md5" line when the values exceed the hash threshold.
 * A label does not change what is compared (the corpus writes labelled
 * results of a few values out in full, and the reference harness compares
 * them so); it makes the result's hash agree with the earlier queries of the
 * same label in the file, so a checker lives as long as one file's run.
 */
package turso.tests.slt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

final class QueryChecker {

    /** A label's hash and the line of the query that first produced it. */
    private record Labelled(String hashLine, int line) {
    }

    private final Map<String, Labelled> labels = new HashMap<>();

    /** Null when the result matches, else what is wrong. */
    Mismatch check(SltRecord.Query query, QueryResult result, int hashThreshold) {
        String types = query.types();
        if (result.columnCount() != types.length()) {
            return new Mismatch("wrong number of result columns: expected " + types.length() + ", got "
                    + result.columnCount(), List.of());
        }
        List<String> printed = sorted(query.sortMode(), printAll(types, result), types.length());
        boolean hashing = hashThreshold > 0 && printed.size() > hashThreshold;
        String hashLine = hashing || query.label() != null
                ? printed.size() + " values hashing to " + md5(printed)
                : null;
        List<String> compared = hashing ? List.of(hashLine) : printed;
        if (!compared.equals(query.expected())) {
            return new Mismatch("wrong result", withStepError(compared, result));
        }
        if (query.label() != null) {
            Labelled first = labels.putIfAbsent(query.label(), new Labelled(hashLine, query.line()));
            if (first != null && !first.hashLine().equals(hashLine)) {
                return new Mismatch("label '" + query.label() + "' hashed to '" + first.hashLine()
                        + "' at line " + first.line(), withStepError(List.of(hashLine), result));
            }
        }
        return null;
    }

    /** What differs: a short reason and the engine's printed result. */
    record Mismatch(String reason, List<String> got) {
    }

    private static List<String> printAll(String types, QueryResult result) {
        List<String> out = new ArrayList<>(result.values().size());
        int columns = types.length();
        for (int i = 0; i < result.values().size(); i++) {
            out.add(ValuePrinter.print(result.values().get(i), types.charAt(i % columns)));
        }
        return out;
    }

    /*
     * Printed values are ASCII only (T maps every other byte to '@'), so
     * String.compareTo orders them as strcmp orders their bytes: "10" < "9".
     */
    private static List<String> sorted(SortMode mode, List<String> values, int columns) {
        return switch (mode) {
            case NOSORT -> values;
            case VALUESORT -> values.stream().sorted().toList();
            case ROWSORT -> {
                List<List<String>> rows = new ArrayList<>();
                for (int i = 0; i + columns <= values.size(); i += columns) {
                    rows.add(values.subList(i, i + columns));
                }
                rows.sort(QueryChecker::compareRows);
                List<String> out = new ArrayList<>(values.size());
                rows.forEach(out::addAll);
                yield out;
            }
        };
    }

    private static int compareRows(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static List<String> withStepError(List<String> got, QueryResult result) {
        if (result.stepError() == null) {
            return got;
        }
        List<String> out = new ArrayList<>(got);
        out.add("(stepping stopped by an error, ignored as the reference harness does: " + result.stepError() + ")");
        return out;
    }

    static String md5(List<String> printed) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            for (String s : printed) {
                md.update(s.getBytes(StandardCharsets.US_ASCII));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required algorithm of every Java platform", e);
        }
    }
}
