/**
 * The turso shell: a command-line program compatible with sqlite3, over
 * turso.api only; the engine and storage backends are found through
 * ServiceLoader on the module path.
 */
module turso.cli {
    requires turso.api;
}
