/*
 * A collating sequence over UTF-8 text (BINARY, NOCASE, RTRIM, a user's own):
 * compares byte ranges in place, so that index keys are compared without
 * decoding them to Strings.
 */
package turso.api.spi;

public interface Collation extends NamedProvider {

    /** Negative, zero or positive as text a sorts before, equal to, or after text b. */
    int compare(byte[] a, int aOffset, int aLength, byte[] b, int bOffset, int bLength);
}
