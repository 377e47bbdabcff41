/*
 * The bookshop's classes as jOOQ's code generator writes them over this
 * engine, compiled in the test with javax.tools and loaded in a class loader
 * of their own (they cannot be compiled with the tests: they are generated
 * while the tests run). The tests reach the generated tables through their
 * static fields (Tables.AUTHOR ...) and use them as typed jOOQ objects: jOOQ
 * then knows each column's Java type, the primary, unique and foreign keys
 * and the identity the generator found, as with classes compiled in an
 * application.
 */
package turso.tests.jooq;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jooq.Field;
import org.jooq.Table;

final class GeneratedBookshop {
    private final ClassLoader loader;

    private GeneratedBookshop(ClassLoader loader) {
        this.loader = loader;
    }

    /** Generates the classes over {@code c} (which holds the bookshop schema) under {@code dir}, compiles and loads them. */
    static GeneratedBookshop generate(Connection c, Path dir) throws Exception {
        Path sources = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Bookshop.generate(c, sources, false);
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none", "-nowarn", "-g:none",
                "--release", "25", "-classpath", classPath()));
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        if (javac.run(null, errors, errors, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("javac failed on the generated sources: " + errors);
        }
        return new GeneratedBookshop(new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                GeneratedBookshop.class.getClassLoader()));
    }

    /** The jars of jOOQ and of the modules it requires, for javac's class path. */
    private static String classPath() throws URISyntaxException {
        List<String> jars = new ArrayList<>();
        for (Class<?> c : List.of(org.jooq.DSLContext.class, io.r2dbc.spi.Connection.class,
                org.reactivestreams.Publisher.class)) {
            URI location = c.getProtectionDomain().getCodeSource().getLocation().toURI();
            jars.add(Path.of(location).toString());
        }
        return String.join(java.io.File.pathSeparator, jars);
    }

    /** The generated table {@code Tables.NAME}. */
    Table<?> table(String name) throws ReflectiveOperationException {
        Class<?> tables = Class.forName(Bookshop.PACKAGE + ".Tables", true, loader);
        return (Table<?>) tables.getField(name).get(null);
    }

    /** The generated field of {@code table} for the column {@code name}, which must have this Java type. */
    @SuppressWarnings("unchecked")
    static <T> Field<T> field(Table<?> table, String name, Class<T> type) {
        Field<?> f = table.field(name);
        if (f == null || f.getType() != type) {
            throw new IllegalStateException(table.getName() + "." + name + " is " + (f == null ? "missing" : f.getType()));
        }
        return (Field<T>) f;
    }
}
