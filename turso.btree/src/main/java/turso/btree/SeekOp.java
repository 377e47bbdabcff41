/* How a cursor seek matches its key: the entry equal to it, or the first entry >, >=, or the last <, <=. */
package turso.btree;

public enum SeekOp { EQ, GE, GT, LE, LT }
