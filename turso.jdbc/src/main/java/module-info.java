/**
 * The JDBC driver (jdbc:turso:...), written only against turso.api: the
 * engine is found at run time by Database.open through ServiceLoader, so it
 * is not required here. DriverManager finds the driver through the service
 * below (and META-INF/services on the class path).
 */
module turso.jdbc {
    requires turso.api;
    requires transitive java.sql;

    exports turso.jdbc;

    provides java.sql.Driver with turso.jdbc.TursoDriver;
}
