/*
 * The suite's quick check, without JMH or JUnit: every @Benchmark method of
 * every workload class runs once per engine (and per value of its other
 * parameters), with its @Setup/@TearDown fixtures, and the engines' answers
 * (row checksums) must agree. Prints one line per method and exits with 1 on
 * a failure or a disagreement. Run it with -Dturso.bench.rows=10000 for a
 * check in seconds.
 */
package turso.bench;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

public final class SmokeCheck {

    /** The workload classes of the suite. */
    static final List<Class<?>> WORKLOADS = List.of(ReadBenchmark.class, BulkInsertBenchmark.class,
            UpdateBenchmark.class, DeleteBenchmark.class, AutocommitInsertBenchmark.class);

    private SmokeCheck() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        boolean ok = true;
        for (Class<?> workload : WORKLOADS) {
            for (Map<String, String> others : otherParams(workload)) {
                ok &= check(workload, others);
            }
        }
        System.out.println(ok ? "smoke check: all engines agree" : "smoke check: FAILED");
        System.exit(ok ? 0 : 1);
    }

    /** Runs every benchmark method of {@code workload} once per engine; true if all agree. */
    private static boolean check(Class<?> workload, Map<String, String> others) throws ReflectiveOperationException {
        List<Method> benchmarks = Arrays.stream(workload.getMethods())
                .filter(m -> m.isAnnotationPresent(Benchmark.class))
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .toList();
        String[] engines = workload.getField("engine").getAnnotation(Param.class).value();
        Map<String, List<Outcome>> answers = new LinkedHashMap<>();
        for (String engine : engines) {
            Object state = workload.getConstructor().newInstance();
            workload.getField("engine").set(state, engine);
            for (var e : others.entrySet()) {
                workload.getField(e.getKey()).set(state, e.getValue());
            }
            long start = System.nanoTime();
            String failure = fixtures(state, Setup.class, Level.Trial);
            System.out.printf("  %s %s %s: set up in %d ms%s%n", workload.getSimpleName(), others, engine,
                    (System.nanoTime() - start) / 1_000_000, failure == null ? "" : ", " + failure);
            for (Method m : benchmarks) {
                Outcome answer = failure != null ? new Outcome("not run", 0) : run(state, m);
                answers.computeIfAbsent(m.getName(), k -> new ArrayList<>()).add(answer);
            }
            fixtures(state, TearDown.class, Level.Trial);
        }
        boolean ok = true;
        for (var e : answers.entrySet()) {
            List<String> values = e.getValue().stream().map(Outcome::answer).toList();
            boolean agree = values.stream().distinct().count() == 1 && !values.getFirst().startsWith("ERROR")
                    && !values.getFirst().equals("not run");
            ok &= agree;
            StringBuilder line = new StringBuilder((agree ? "ok   " : "FAIL ") + workload.getSimpleName() + "."
                    + e.getKey() + (others.isEmpty() ? "" : " " + others) + ":");
            for (int i = 0; i < engines.length; i++) {
                line.append(' ').append(engines[i]).append('=').append(e.getValue().get(i));
            }
            System.out.println(line);
        }
        return ok;
    }

    /** What one engine answered (or the error it threw) and how long the one call took. */
    private record Outcome(String answer, long micros) {
        @Override
        public String toString() {
            return answer + " (" + micros + " µs)";
        }
    }

    /** One invocation with its invocation-level fixtures. */
    private static Outcome run(Object state, Method benchmark) {
        String failure = fixtures(state, Setup.class, Level.Invocation);
        if (failure != null) {
            return new Outcome(failure, 0);
        }
        long start = System.nanoTime();
        try {
            Object answer = benchmark.invoke(state);
            long micros = (System.nanoTime() - start) / 1_000;
            failure = fixtures(state, TearDown.class, Level.Invocation);
            return new Outcome(failure != null ? failure : String.valueOf(answer), micros);
        } catch (InvocationTargetException e) {
            return new Outcome("ERROR " + e.getCause(), 0);
        } catch (IllegalAccessException e) {
            return new Outcome("ERROR " + e, 0);
        }
    }

    /** Runs the state's fixture methods of one kind and level; null, or the error they threw. */
    private static String fixtures(Object state, Class<? extends java.lang.annotation.Annotation> kind, Level level) {
        for (Method m : state.getClass().getMethods()) {
            Level at = kind == Setup.class
                    ? (m.isAnnotationPresent(Setup.class) ? m.getAnnotation(Setup.class).value() : null)
                    : (m.isAnnotationPresent(TearDown.class) ? m.getAnnotation(TearDown.class).value() : null);
            if (at == level) {
                try {
                    m.invoke(state);
                } catch (InvocationTargetException e) {
                    return "ERROR in " + m.getName() + ": " + e.getCause();
                } catch (IllegalAccessException e) {
                    return "ERROR in " + m.getName() + ": " + e;
                }
            }
        }
        return null;
    }

    /** Every combination of the values of the workload's parameters other than "engine". */
    private static List<Map<String, String>> otherParams(Class<?> workload) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(Map.of());
        for (Field f : workload.getFields()) {
            Param p = f.getAnnotation(Param.class);
            if (p == null || f.getName().equals("engine")) {
                continue;
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos) {
                for (String v : p.value()) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(f.getName(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        return combos;
    }
}
