/*
 * The rows of the PRAGMAs that list what the engine has: function_list,
 * collation_list, pragma_list, compile_options and table_list. SQLite lists
 * functions and tables in the order of its hash tables, which no one can rely
 * on; here they come sorted (functions by name and argument count, tables
 * in sqlite_schema's order per database). A function SQLite 3.40 also has
 * built in gets SQLite's type and flags (SQLITE_340); others are described
 * from their SPI declaration.
 */
package turso.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import turso.api.spi.AggregateFunction;
import turso.api.spi.Collation;
import turso.api.spi.FunctionFlag;
import turso.api.spi.SqlFunction;
import turso.api.spi.WindowFunction;
import turso.parser.ast.Stmt;
import turso.vm.FunctionRegistry;
import turso.vm.Pragma;
import turso.vm.func.CompileOptions;

final class PragmaLists {
    private PragmaLists() {
    }

    /** SQLite's function flags as function_list shows them. */
    private static final int DETERMINISTIC = 0x800;
    private static final int DIRECT_ONLY = 0x80000;
    private static final int SUBTYPE = 0x100000;
    private static final int INNOCUOUS = 0x200000;

    /** The built-in functions of SQLite 3.40 as its function_list gives them: name/narg/type/flags (hex). */
    private static final String SQLITE_340 = """
            ->/2/s/800 ->>/2/s/800 abs/1/s/200800 acos/1/s/200800 acosh/1/s/200800 asin/1/s/200800 
            asinh/1/s/200800 atan/1/s/200800 atan2/2/s/200800 atanh/1/s/200800 avg/1/w/200000 ceil/1/s/200800 
            ceiling/1/s/200800 changes/0/s/200000 char/-1/s/200800 coalesce/-1/s/200800 cos/1/s/200800 
            cosh/1/s/200800 count/0/w/200000 count/1/w/200000 cume_dist/0/w/200000 current_date/0/s/200000 
            current_time/0/s/200000 current_timestamp/0/s/200000 date/-1/s/200800 datetime/-1/s/200800 
            degrees/1/s/200800 dense_rank/0/w/200000 exp/1/s/200800 first_value/1/w/200000 floor/1/s/200800 
            format/-1/s/200800 glob/2/s/200800 group_concat/1/w/200000 group_concat/2/w/200000 hex/1/s/200800 
            ifnull/2/s/200800 iif/3/s/200800 instr/2/s/200800 json/1/s/800 json_array/-1/s/800 
            json_array_length/1/s/800 json_array_length/2/s/800 json_extract/-1/s/800 
            json_group_array/1/w/100800 json_group_object/2/w/100800 json_insert/-1/s/800 json_object/-1/s/800 
            json_patch/2/s/800 json_quote/1/s/800 json_remove/-1/s/800 json_replace/-1/s/800 json_set/-1/s/800 
            json_type/1/s/800 json_type/2/s/800 json_valid/1/s/800 julianday/-1/s/200800 lag/1/w/200000 
            lag/2/w/200000 lag/3/w/200000 last_insert_rowid/0/s/200000 last_value/1/w/200000 lead/1/w/200000 
            lead/2/w/200000 lead/3/w/200000 length/1/s/200800 like/2/s/200800 like/3/s/200800 
            likelihood/2/s/200800 likely/1/s/200800 ln/1/s/200800 load_extension/1/s/80000 
            load_extension/2/s/80000 log/1/s/200800 log/2/s/200800 log10/1/s/200800 log2/1/s/200800 
            lower/1/s/200800 ltrim/1/s/200800 ltrim/2/s/200800 max/-1/s/200800 max/1/w/200000 min/-1/s/200800 
            min/1/w/200000 mod/2/s/200800 nth_value/2/w/200000 ntile/1/w/200000 nullif/2/s/200800 
            percent_rank/0/w/200000 pi/0/s/200800 pow/2/s/200800 power/2/s/200800 printf/-1/s/200800 
            quote/1/s/200800 radians/1/s/200800 random/0/s/200000 randomblob/1/s/200000 rank/0/w/200000 
            replace/3/s/200800 round/1/s/200800 round/2/s/200800 row_number/0/w/200000 rtrim/1/s/200800 
            rtrim/2/s/200800 sign/1/s/200800 sin/1/s/200800 sinh/1/s/200800 soundex/1/s/200800 
            sqlite_compileoption_get/1/s/200000 sqlite_compileoption_used/1/s/200000 sqlite_log/2/s/200800 
            sqlite_source_id/0/s/200000 sqlite_version/0/s/200000 sqrt/1/s/200800 strftime/-1/s/200800 
            substr/2/s/200800 substr/3/s/200800 substring/2/s/200800 substring/3/s/200800 subtype/1/s/200800 
            sum/1/w/200000 tan/1/s/200800 tanh/1/s/200800 time/-1/s/200800 total/1/w/200000 
            total_changes/0/s/200000 trim/1/s/200800 trim/2/s/200800 trunc/1/s/200800 typeof/1/s/200800 
            unicode/1/s/200800 unixepoch/-1/s/200800 unlikely/1/s/200800 upper/1/s/200800 zeroblob/1/s/200800
            """;

    /** The window functions the planner itself computes (they are not in the function registry). */
    private static final Set<String> PLANNER_WINDOW = Set.of("row_number", "rank", "dense_rank", "percent_rank",
            "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value");

    private record Row(String name, int narg, String type, long flags) {
    }

    private static final Map<String, Row> SQLITE_ROWS = parse();

    private static Map<String, Row> parse() {
        Map<String, Row> rows = new HashMap<>();
        for (String word : SQLITE_340.trim().split("\\s+")) {
            String[] f = word.split("/");
            Row row = new Row(f[0], Integer.parseInt(f[1]), f[2], Long.parseLong(f[3], 16));
            rows.put(key(row.name(), row.narg()), row);
        }
        return rows;
    }

    private static String key(String name, int narg) {
        return name.toLowerCase(Locale.ROOT) + "/" + narg;
    }

    /** function_list: name, builtin, type, enc, narg, flags. */
    static List<Object[]> functionList(FunctionRegistry functions) {
        List<Row> rows = new ArrayList<>();
        List<Boolean> builtin = new ArrayList<>();
        for (SqlFunction f : functions.all()) {
            String name = f.name().toLowerCase(Locale.ROOT);
            Row known = SQLITE_ROWS.get(key(name, f.arity()));
            boolean ours = isBuiltin(f);
            rows.add(known != null && ours ? new Row(name, f.arity(), known.type(), known.flags())
                    : new Row(name, f.arity(), type(f), flags(f.flags())));
            builtin.add(ours);
        }
        for (Row r : SQLITE_ROWS.values()) {
            if (PLANNER_WINDOW.contains(r.name())) {
                rows.add(r);
                builtin.add(true);
            }
        }
        List<Object[]> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.add(new Object[] {r.name(), builtin.get(i) ? 1L : 0L, r.type(), "utf8", (long) r.narg(), r.flags()});
        }
        out.sort(Comparator.comparing((Object[] r) -> (String) r[0]).thenComparingLong(r -> (Long) r[4]));
        return out;
    }

    /** A function of the engine's own libraries (core, date and time, JSON, math), not an extension's or a user's. */
    private static boolean isBuiltin(SqlFunction f) {
        String type = f.getClass().getName();
        return type.startsWith("turso.vm.") || type.startsWith("turso.functions.");
    }

    private static String type(SqlFunction f) {
        return f instanceof WindowFunction<?> ? "w" : f instanceof AggregateFunction<?> ? "a" : "s";
    }

    private static long flags(Set<FunctionFlag> flags) {
        long v = 0;
        for (FunctionFlag flag : flags) {
            v |= switch (flag) {
                case DETERMINISTIC -> DETERMINISTIC;
                case DIRECT_ONLY -> DIRECT_ONLY;
                case SUBTYPE -> SUBTYPE;
                case INNOCUOUS -> INNOCUOUS;
                case RESULT_SUBTYPE -> 0;
            };
        }
        return v;
    }

    /**
     * collation_list: seq, name; the collations libraries add first, newest
     * first, then RTRIM, NOCASE and BINARY, as SQLite lists them.
     */
    static List<Object[]> collationList(FunctionRegistry functions) {
        List<String> builtins = List.of("RTRIM", "NOCASE", "BINARY");
        List<String> names = new ArrayList<>();
        for (Collation c : functions.collations()) {
            if (builtins.stream().noneMatch(b -> b.equalsIgnoreCase(c.name()))) {
                names.addFirst(c.name());
            }
        }
        names.addAll(builtins);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            rows.add(new Object[] {(long) i, names.get(i)});
        }
        return rows;
    }

    /** pragma_list: every pragma of SQLite 3.40, by name. */
    static List<Object[]> pragmaList() {
        List<String> names = new ArrayList<>();
        for (Pragma p : Pragma.values()) {
            names.add(p.sqlName());
        }
        names.add("foreign_key_check");
        names.sort(null);
        return names.stream().map(n -> new Object[] {n}).toList();
    }

    static List<Object[]> compileOptions() {
        return CompileOptions.all().stream().map(o -> new Object[] {o}).toList();
    }

    /** A table of table_list: how many columns it has, whether it is WITHOUT ROWID and STRICT. */
    record TableShape(String type, long columns, boolean withoutRowid, boolean strict) {
    }

    /** The shape of an ordinary table from its CREATE statement. */
    static TableShape shape(Stmt.CreateTable create, String sql) {
        return new TableShape("table", TableDescription.of(create, sql).columns().size(), create.withoutRowid(),
                create.strict());
    }
}
