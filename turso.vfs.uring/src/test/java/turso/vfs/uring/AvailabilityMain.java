/* Run in a child JVM by AvailabilityTest: prints whether io_uring is available there, and why not. */
package turso.vfs.uring;

public final class AvailabilityMain {

    private AvailabilityMain() {
    }

    public static void main(String[] args) {
        UringVfs vfs = new UringVfs();
        System.out.println(vfs.isAvailable() + "|" + vfs.unavailableReason());
    }
}
