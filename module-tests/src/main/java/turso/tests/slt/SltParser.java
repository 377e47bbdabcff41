/*
 * Reads a sqllogictest file into records, following the reference harness:
 * a trailing '\r' is stripped, lines starting with '#' are dropped wherever
 * they are (they do not end a record), records are separated by blank or
 * whitespace-only lines, and only the first four words of a header count.
 */
package turso.tests.slt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

final class SltParser {

    private static final int HEADER_WORDS = 4;
    private static final String RESULTS_MARK = "----";

    private SltParser() {
    }

    static List<SltRecord> parse(Path file) throws IOException {
        return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    static List<SltRecord> parse(String text) {
        List<String> lines = splitLines(text);
        List<SltRecord> records = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (isComment(line) || line.isBlank()) {
                i++;
                continue;
            }
            List<String> body = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).isBlank()) {
                if (!isComment(lines.get(i))) {
                    body.add(lines.get(i));
                    numbers.add(i + 1);
                }
                i++;
            }
            records.add(record(body, numbers));
        }
        return records;
    }

    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            lines.add(line);
            start = end + 1;
        }
        return lines;
    }

    private static boolean isComment(String line) {
        return line.startsWith("#");
    }

    private static String[] words(String line) {
        String[] all = line.strip().split("\\s+");
        return all.length > HEADER_WORDS ? Arrays.copyOf(all, HEADER_WORDS) : all;
    }

    private static SltRecord record(List<String> body, List<Integer> numbers) {
        List<Condition> conditions = new ArrayList<>();
        int h = 0;
        while (h < body.size()) {
            String[] w = words(body.get(h));
            boolean onlyIf = w[0].equals("onlyif");
            if (!onlyIf && !w[0].equals("skipif")) {
                break;
            }
            conditions.add(new Condition(onlyIf, w.length > 1 ? w[1] : ""));
            h++;
        }
        List<Condition> conds = List.copyOf(conditions);
        if (h == body.size()) {
            int line = numbers.get(body.size() - 1);
            return new SltRecord.Malformed(line, conds, "conditions without a record", String.join("\n", body));
        }
        int line = numbers.get(h);
        String[] header = words(body.get(h));
        List<String> rest = body.subList(h + 1, body.size());
        return switch (header[0]) {
            case "statement" -> statement(line, conds, header, rest, body);
            case "query" -> query(line, conds, header, rest, body);
            case "hash-threshold" -> hashThreshold(line, conds, header, body);
            case "halt" -> new SltRecord.Halt(line, conds);
            default -> new SltRecord.Malformed(line, conds, "unknown record type: " + header[0],
                    String.join("\n", body));
        };
    }

    private static SltRecord statement(int line, List<Condition> conds, String[] header, List<String> rest,
                                       List<String> body) {
        String mode = header.length > 1 ? header[1] : "";
        if (!mode.equals("ok") && !mode.equals("error")) {
            return new SltRecord.Malformed(line, conds, "statement must be 'ok' or 'error', not '" + mode + "'",
                    String.join("\n", body));
        }
        return new SltRecord.Statement(line, conds, mode.equals("ok"), String.join("\n", rest));
    }

    private static SltRecord query(int line, List<Condition> conds, String[] header, List<String> rest,
                                   List<String> body) {
        if (header.length < 2) {
            return new SltRecord.Malformed(line, conds, "query without column types", String.join("\n", body));
        }
        String types = header[1];
        if (!types.chars().allMatch(c -> c == 'I' || c == 'R' || c == 'T')) {
            return new SltRecord.Malformed(line, conds, "unknown column type in '" + types + "'",
                    String.join("\n", body));
        }
        // As the reference harness does, any third word other than rowsort/valuesort means nosort.
        SortMode sort = header.length > 2 ? SortMode.parse(header[2]).orElse(SortMode.NOSORT) : SortMode.NOSORT;
        String label = header.length > 3 ? header[3] : null;
        int mark = rest.indexOf(RESULTS_MARK);
        if (mark < 0) {
            return new SltRecord.Malformed(line, conds, "query without a '----' line", String.join("\n", body));
        }
        String sql = String.join("\n", rest.subList(0, mark));
        List<String> expected = List.copyOf(rest.subList(mark + 1, rest.size()));
        return new SltRecord.Query(line, conds, types, sort, label, sql, expected);
    }

    private static SltRecord hashThreshold(int line, List<Condition> conds, String[] header, List<String> body) {
        try {
            int n = Integer.parseInt(header.length > 1 ? header[1] : "");
            if (n >= 0) {
                return new SltRecord.HashThreshold(line, conds, n);
            }
        } catch (NumberFormatException e) {
            // reported below as a malformed record
        }
        return new SltRecord.Malformed(line, conds, "hash-threshold needs a number", String.join("\n", body));
    }
}
