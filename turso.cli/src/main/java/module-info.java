/**
 * The turso shell: a command-line program compatible with sqlite3, over
 * turso.api; the engine and storage backends are found through ServiceLoader
 * on the module path. From the parser it uses only the script splitter, to
 * cut its input into statements as sqlite3 does; JLine gives the interactive
 * prompt its line editing, history and completion; java.management gives
 * ".timer" the CPU times.
 */
module turso.cli {
    requires turso.api;
    requires turso.parser;
    requires org.jline;
    requires java.management;
}
