/*
 * What a JDBC URL and its Properties ask for, read once at connect:
 *
 *   jdbc:turso:                      a private in-memory database
 *   jdbc:turso::memory:              the same
 *   jdbc:turso:path/to/db?k=v&...    a file, with parameters
 *   jdbc:turso:file:path?mode=ro     a SQLite URI filename (mode=ro|rw|rwc|memory,
 *                                    cache=shared|private, vfs=name)
 *
 * Parameters come from the URL's query and from Properties; Properties win.
 * Names the driver knows (busy_timeout, read_only/open_mode/mode, vfs,
 * transaction_mode, cache) are used here; user and password are ignored, as
 * SQLite has no users; every other name becomes "PRAGMA name = value", run by
 * the engine right after open (OpenOptions.pragmas), e.g. journal_mode or
 * foreign_keys.
 */
package turso.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import turso.api.Database;
import turso.api.OpenOptions;
import turso.api.ResultCode;

record ConnectionConfig(String url, String path, String sharedMemoryName, OpenOptions options,
        Duration busyTimeout, String transactionMode) {

    static final String PREFIX = "jdbc:turso:";
    static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofMillis(3000);

    private static final Set<String> IGNORED = Set.of("user", "password");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9_.+-]+");

    static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    static ConnectionConfig parse(String url, Properties info) throws SQLException {
        String rest = url.substring(PREFIX.length());
        String location = rest;
        Map<String, String> params = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            location = rest.substring(0, q);
            for (String pair : rest.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.put(name.toLowerCase(Locale.ROOT), value);
            }
        }
        if (info != null) {
            for (String name : info.stringPropertyNames()) {
                params.put(name.toLowerCase(Locale.ROOT), info.getProperty(name));
            }
        }

        boolean uri = location.startsWith("file:");
        String path = uri ? uriPath(location.substring("file:".length())) : location;
        if (path.isEmpty() || path.equals(Database.MEMORY)) {
            path = Database.MEMORY;
        }
        boolean readOnly = false;
        boolean create = true;
        String vfs = null;
        Duration busy = DEFAULT_BUSY_TIMEOUT;
        String transactionMode = "DEFERRED";
        boolean shared = false;
        boolean memoryMode = false;
        Map<String, String> pragmas = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : params.entrySet()) {
            String name = p.getKey();
            String value = p.getValue().trim();
            switch (name) {
                case "mode" -> {
                    switch (value.toLowerCase(Locale.ROOT)) {
                        case "ro" -> readOnly = true;
                        case "rw" -> create = false;
                        case "rwc" -> create = true;
                        case "memory" -> memoryMode = true;
                        default -> throw invalid("no such access mode: " + value);
                    }
                }
                case "read_only", "readonly" -> readOnly = bool(name, value);
                case "open_mode" -> {
                    int flags = integer(name, value);
                    readOnly = (flags & 0x2) == 0 && (flags & 0x1) != 0;
                    create = (flags & 0x4) != 0;
                }
                case "vfs" -> vfs = value.isEmpty() ? null : value;
                case "busy_timeout" -> {
                    int ms = integer(name, value);
                    busy = Duration.ofMillis(Math.max(0, ms));
                }
                case "transaction_mode" -> {
                    transactionMode = value.toUpperCase(Locale.ROOT);
                    if (!Set.of("DEFERRED", "IMMEDIATE", "EXCLUSIVE").contains(transactionMode)) {
                        throw invalid("transaction_mode must be DEFERRED, IMMEDIATE or EXCLUSIVE: " + value);
                    }
                }
                case "cache" -> shared = value.equalsIgnoreCase("shared");
                default -> {
                    if (!IGNORED.contains(name)) {
                        if (!NAME.matcher(name).matches()) {
                            throw invalid("not a PRAGMA name: " + name);
                        }
                        pragmas.put(name, pragmaValue(value));
                    }
                }
            }
        }
        String sharedName = null;
        if (memoryMode || path.equals(Database.MEMORY)) {
            if (shared) {
                sharedName = memoryMode ? path : Database.MEMORY;
            }
            path = Database.MEMORY;
        }
        OpenOptions options = new OpenOptions(readOnly, create && !readOnly, vfs, pragmas);
        return new ConnectionConfig(url, path, sharedName, options, busy, transactionMode);
    }

    /** The path of a URI filename: "//host/p" and "///p" lose the authority, %XX are decoded. */
    private static String uriPath(String s) {
        if (s.startsWith("//")) {
            int slash = s.indexOf('/', 2);
            String host = slash < 0 ? s.substring(2) : s.substring(2, slash);
            if (!host.isEmpty() && !host.equals("localhost")) {
                return s;
            }
            s = slash < 0 ? "" : s.substring(slash);
        }
        return decodePercent(s);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** %XX decoding without turning '+' into a space, as SQLite decodes URI paths. */
    private static String decodePercent(String s) {
        return decode(s.replace("+", "%2B"));
    }

    private static String pragmaValue(String value) {
        if (PLAIN_VALUE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "''") + "'";
    }

    private static boolean bool(String name, String value) throws SQLException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off", "" -> false;
            default -> throw invalid(name + " must be true or false: " + value);
        };
    }

    private static int integer(String name, String value) throws SQLException {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(name + " must be an integer: " + value);
        }
    }

    private static SQLException invalid(String message) {
        return SqlErrors.driver(ResultCode.MISUSE, message);
    }
}
