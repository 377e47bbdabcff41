/*
 * Reads one corpus file into cases. The format is documented in
 * docs/TESTING.md ("Differential corpus"): statements at top level are one
 * case each; @setup ... @end sets the statements run before every following
 * case; @case ... @end is one case of several statements; @matrix ... @end
 * expands templates over lists of values; @skip / @known mark the next case.
 */
package turso.tests.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parser of corpus files; a malformed file is an IllegalArgumentException naming file:line. */
public final class CorpusFile {
    private static final Pattern TRIGGER = Pattern.compile("(?is)\\s*CREATE\\s+(TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b.*");
    private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)\\s*:(.*)");
    private static final Pattern USE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final String MARKED = "\\s##\\s";

    private final String name;
    private final List<String> lines;
    private final List<DiffCase> cases = new ArrayList<>();
    private List<String> setup = List.of();
    private DiffCase.Mark mark = DiffCase.Mark.RUN;
    private String reason;
    private int markLine;
    private int at;

    private CorpusFile(String name, List<String> lines) {
        this.name = name;
        this.lines = lines;
    }

    /** The cases of a file, in order; name is how cases refer to the file. */
    public static List<DiffCase> read(Path file, String name) throws IOException {
        return parse(name, Files.readAllLines(file));
    }

    /** The cases of a file given as its lines. */
    public static List<DiffCase> parse(String name, List<String> lines) {
        CorpusFile f = new CorpusFile(name, lines);
        f.parse();
        return f.cases;
    }

    /** Every case of every *.test file under a folder, files in name order. */
    public static List<DiffCase> readAll(Path folder) throws IOException {
        List<Path> files;
        try (var walk = Files.walk(folder)) {
            files = walk.filter(p -> p.toString().endsWith(".test")).sorted(Comparator.comparing(Path::toString)).toList();
        }
        List<DiffCase> all = new ArrayList<>();
        for (Path p : files) {
            all.addAll(read(p, folder.relativize(p).toString()));
        }
        return all;
    }

    private void parse() {
        while (at < lines.size()) {
            String line = lines.get(at).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("--")) {
                at++;
            } else if (line.startsWith("@")) {
                directive(line);
            } else {
                int first = at + 1;
                String sql = statement();
                add(first, List.of(sql));
            }
        }
        if (mark != DiffCase.Mark.RUN) {
            throw error(markLine, "@" + mark.name().toLowerCase() + " is not followed by a case");
        }
    }

    private void directive(String line) {
        int first = ++at;
        String word = line.split("\\s+", 2)[0];
        String rest = line.substring(word.length()).strip();
        switch (word) {
            case "@setup" -> {
                if (mark != DiffCase.Mark.RUN) {
                    throw error(first, "a @setup cannot be skipped or known");
                }
                setup = List.copyOf(block());
            }
            case "@case" -> add(first, block());
            case "@matrix" -> matrix(first);
            case "@skip", "@known", "@v340" -> {
                if (rest.isEmpty()) {
                    throw error(first, word + " needs a reason");
                }
                if (mark != DiffCase.Mark.RUN) {
                    throw error(first, "two marks for one case");
                }
                mark = mark(word);
                reason = rest;
                markLine = first;
            }
            default -> throw error(first, "unknown directive " + word);
        }
    }

    private void add(int line, List<String> statements) {
        if (statements.isEmpty()) {
            throw error(line, "a case without statements");
        }
        cases.add(new DiffCase(name, line, setup, statements, mark, reason));
        mark = DiffCase.Mark.RUN;
        reason = null;
    }

    /** The statements up to the closing @end. */
    private List<String> block() {
        List<String> statements = new ArrayList<>();
        while (true) {
            if (at >= lines.size()) {
                throw error(at, "missing @end");
            }
            String line = lines.get(at).strip();
            if (line.equals("@end")) {
                at++;
                return statements;
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("--")) {
                at++;
            } else if (line.startsWith("@")) {
                throw error(at + 1, "directive inside a block: " + line);
            } else {
                statements.add(statement());
            }
        }
    }

    /** One statement: lines up to one ending with ';' (for CREATE TRIGGER, with 'END;'). */
    private String statement() {
        int first = at + 1;
        StringBuilder sql = new StringBuilder();
        while (at < lines.size()) {
            String line = lines.get(at++);
            sql.append(sql.isEmpty() ? "" : "\n").append(line.strip());
            String end = line.strip().toUpperCase(java.util.Locale.ROOT);
            boolean trigger = TRIGGER.matcher(sql).matches();
            if (trigger ? end.endsWith("END;") : end.endsWith(";")) {
                return sql.toString();
            }
        }
        throw error(first, "statement without ';' at the end of a line");
    }

    /**
     * Templates (statements) and variables ("$name: v1 | v2 | ..."); one case per
     * template and combination of the values of the variables it uses.
     * "@known sql ## reason" and "@skip sql ## reason" mark one expansion.
     */
    private void matrix(int first) {
        if (mark != DiffCase.Mark.RUN) {
            throw error(first, "mark expansions of a matrix inside it (@known sql ## reason)");
        }
        List<String> templates = new ArrayList<>();
        List<Integer> templateLines = new ArrayList<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, String[]> marked = new HashMap<>();
        Map<String, Integer> markedLines = new HashMap<>();
        while (true) {
            if (at >= lines.size()) {
                throw error(at, "missing @end");
            }
            String line = lines.get(at).strip();
            Matcher v = VARIABLE.matcher(line);
            if (line.equals("@end")) {
                at++;
                break;
            } else if (line.isEmpty() || line.startsWith("#")) {
                at++;
            } else if (v.matches()) {
                at++;
                for (String value : v.group(2).split("\\s\\|\\s")) {
                    values.computeIfAbsent(v.group(1), k -> new ArrayList<>()).add(value.strip());
                }
            } else if (line.startsWith("@known ") || line.startsWith("@skip ") || line.startsWith("@v340 ")) {
                at++;
                String[] parts = line.split(MARKED, 2);
                if (parts.length != 2) {
                    throw error(at, "a matrix mark is '@known <statement> ## <reason>'");
                }
                String word = parts[0].split("\\s+", 2)[0];
                String sql = parts[0].substring(word.length()).strip();
                marked.put(sql, new String[] {word, parts[1].strip()});
                markedLines.put(sql, at);
            } else if (line.startsWith("@")) {
                throw error(at + 1, "directive inside a matrix: " + line);
            } else {
                templateLines.add(at + 1);
                templates.add(statement());
            }
        }
        Map<String, Boolean> used = new HashMap<>();
        for (int t = 0; t < templates.size(); t++) {
            List<String> names = new ArrayList<>();
            Matcher m = USE.matcher(templates.get(t));
            while (m.find()) {
                if (!values.containsKey(m.group(1))) {
                    throw error(templateLines.get(t), "no values for $" + m.group(1));
                }
                if (!names.contains(m.group(1))) {
                    names.add(m.group(1));
                }
            }
            expand(templates.get(t), templateLines.get(t), names, 0, values, marked, used);
        }
        for (String sql : marked.keySet()) {
            if (!used.containsKey(sql)) {
                throw error(markedLines.get(sql), "marked statement is not an expansion of this matrix: " + sql);
            }
        }
    }

    private void expand(String template, int line, List<String> names, int index, Map<String, List<String>> values,
                        Map<String, String[]> marked, Map<String, Boolean> used) {
        if (index == names.size()) {
            String[] m = marked.get(template);
            if (m != null) {
                used.put(template, true);
                mark = mark(m[0]);
                reason = m[1];
            }
            add(line, List.of(template));
            return;
        }
        String name = names.get(index);
        for (String value : values.get(name)) {
            String replaced = USE.matcher(template).replaceAll(r -> r.group(1).equals(name)
                    ? Matcher.quoteReplacement(value) : Matcher.quoteReplacement(r.group()));
            expand(replaced, line, names, index + 1, values, marked, used);
        }
    }

    private static DiffCase.Mark mark(String directive) {
        return switch (directive) {
            case "@skip" -> DiffCase.Mark.SKIP;
            case "@v340" -> DiffCase.Mark.V340;
            default -> DiffCase.Mark.KNOWN;
        };
    }

    private IllegalArgumentException error(int line, String message) {
        return new IllegalArgumentException(name + ":" + line + ": " + message);
    }
}
