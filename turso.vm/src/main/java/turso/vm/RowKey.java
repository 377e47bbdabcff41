/*
 * The p4 of OPEN_READ / OPEN_WRITE for a cursor on a WITHOUT ROWID table's
 * B-tree or on one of its indexes: how the entries compare, and which fields
 * of an entry hold the row's PRIMARY KEY. Such a table has no rowid; the
 * record of its primary key stands in for one, so ROWID and IDX_ROWID give
 * that record (a blob), SEEK_ROWID and NOT_EXISTS find the table's entry whose
 * key it is, and INSERT replaces the entry with the same key
 * (withoutrowid.html, fileformat2.html "Representation Of SQL Tables").
 */
package turso.vm;

import turso.btree.KeyInfo;

public record RowKey(KeyInfo keyInfo, int[] columns) {
    public RowKey {
        columns = columns.clone();
    }
}
