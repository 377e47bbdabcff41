/* A failed io_uring system call while setting a ring up, with its errno: the availability check turns it into a reason. */
package turso.vfs.uring;

final class UringException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    UringException(String call, int errno) {
        super(call + " failed: errno " + errno);
        this.errno = errno;
    }

    int errno() {
        return errno;
    }
}
