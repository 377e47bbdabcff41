/*
 * Marks an aggregate whose finish() reads its state without ending it (min,
 * max), so that a window frame which only grows, the default frame of a
 * window with ORDER BY, keeps stepping one state instead of recomputing each
 * row's frame from its start.
 */
package turso.vm;

public interface ReusableState {
}
