/** The turso shell: a command-line program compatible with sqlite3, over turso.api. */
module turso.cli {
    requires turso.api;
}
