/*
 * Where one cell's parts are on its page: total payload size, integer key
 * (rowid), the local payload's offset and length, the first overflow page
 * (0 if none) and the cell's size on the page.
 */
package turso.btree;

record CellInfo(int offset, long payloadSize, long key, int localOffset, int localSize, int overflow, int size) {
}
