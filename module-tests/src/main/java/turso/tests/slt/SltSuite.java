/*
 * A run over many files: finds the .test files under the given paths (in
 * name order, so runs compare), runs each on its own fresh database, on one
 * or more threads, and keeps the results in file order.
 */
package turso.tests.slt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

final class SltSuite {

    static final String EXTENSION = ".test";

    private SltSuite() {
    }

    /** The results of a run, file by file, and its wall-clock time. */
    record Result(List<FileResult> files, long nanos) {

        Result {
            files = List.copyOf(files);
        }

        int passed() {
            return files.stream().mapToInt(FileResult::passed).sum();
        }

        int failed() {
            return files.stream().mapToInt(FileResult::failed).sum();
        }

        int skipped() {
            return files.stream().mapToInt(FileResult::skipped).sum();
        }
    }

    /** Every .test file under each path (a path that is a file is taken as it is), sorted. */
    static List<Path> find(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(EXTENSION))
                            .sorted()
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IOException("no such file or folder: " + p);
            }
        }
        return files;
    }

    static Result run(SltEngine engine, List<Path> files, int jobs, int maxFailuresPerFile) {
        long start = System.nanoTime();
        SltRunner runner = new SltRunner(engine, maxFailuresPerFile);
        List<FileResult> results = new ArrayList<>();
        if (jobs <= 1) {
            files.forEach(f -> results.add(runner.run(f)));
        } else {
            try (ExecutorService pool = Executors.newFixedThreadPool(jobs)) {
                List<Future<FileResult>> futures = new ArrayList<>();
                files.forEach(f -> futures.add(pool.submit(() -> runner.run(f))));
                for (Future<FileResult> f : futures) {
                    results.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running the files", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a file's run crashed: " + e.getCause(), e.getCause());
            }
        }
        return new Result(results, System.nanoTime() - start);
    }
}
