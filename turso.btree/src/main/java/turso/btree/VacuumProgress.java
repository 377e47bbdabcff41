/*
 * How far a VACUUM has got, for a progress display: called with the
 * entries (rows and index keys) copied so far and the total to copy, then
 * once more with done == total when the new file is in place.
 */
package turso.btree;

@FunctionalInterface
public interface VacuumProgress {

    VacuumProgress NONE = (done, total) -> { };

    void update(long done, long total);
}
