/* The outcome of a submitted IoBatch: wait for all of it, then ask what each request transferred. */
package turso.api.spi;

public interface IoCompletion {

    /** Blocks until every request of the batch has finished; throws the first request's failure (a TursoException). */
    void await();

    boolean isDone();

    /**
     * Bytes transferred by request {@code index} (for a read, how many existed
     * in the file: the rest of its buffer was zero-filled); only after {@link #await()}.
     */
    long transferred(int index);
}
