/** The JDBC driver (jdbc:turso:...), over turso.api. */
module turso.jdbc {
    requires turso.api;
    requires java.sql;
}
