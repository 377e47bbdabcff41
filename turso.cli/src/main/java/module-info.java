/**
 * The turso shell: a command-line program compatible with sqlite3, over
 * turso.api; the engine and storage backends are found through ServiceLoader
 * on the module path. From the parser it uses only the script splitter, to
 * cut its input into statements as sqlite3 does.
 */
module turso.cli {
    requires turso.api;
    requires turso.parser;
}
