/*
 * The WAL checksum computed in four independent chains (WalFormat.lanes)
 * gives the bits of fileformat2 §4.1's definition, one word pair after the
 * other, for every page size and both byte orders. That sqlite3 accepts the
 * frames we write is WalWriteTest's (sqlite3 reading uncheckpointed frames).
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WalChecksumTest {

    /** fileformat2's loop: s0 += x[i] + s1; s1 += x[i+1] + s0, over 32-bit words of the given order. */
    private static int[] definition(byte[] data, int off, int len, boolean bigEndian, int[] seed) {
        ValueLayout.OfInt w = ValueLayout.JAVA_INT_UNALIGNED.withOrder(bigEndian ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN);
        MemorySegment s = MemorySegment.ofArray(data);
        int s0 = seed[0];
        int s1 = seed[1];
        for (int i = off; i < off + len; i += 8) {
            s0 += s.get(w, i) + s1;
            s1 += s.get(w, i + 4) + s0;
        }
        return new int[] {s0, s1};
    }

    @Test
    void everyPageSizeAndByteOrderMatchesTheDefinition() {
        Random random = new Random(20261121);
        try (Arena arena = Arena.ofConfined()) {
            for (int pageSize = 512; pageSize <= 65536; pageSize *= 2) {
                for (boolean big : new boolean[] {false, true}) {
                    for (int round = 0; round < 4; round++) {
                        byte[] data = new byte[WalFormat.FRAME_HEADER + pageSize];
                        random.nextBytes(data);
                        MemorySegment seg = arena.allocate(data.length, 8);
                        MemorySegment.copy(data, 0, seg, ValueLayout.JAVA_BYTE, 0, data.length);
                        int[] seed = {random.nextInt(), random.nextInt()};
                        int[] got = seed.clone();
                        WalFormat.checksum(seg, 0, 8, WalFormat.wordOrder(big), got);
                        WalFormat.checksum(seg, WalFormat.FRAME_HEADER, pageSize, WalFormat.wordOrder(big), got);
                        int[] want = definition(data, WalFormat.FRAME_HEADER, pageSize, big,
                                definition(data, 0, 8, big, seed));
                        assertArrayEquals(want, got, "page size " + pageSize + (big ? " big" : " little") + "-endian");
                    }
                }
            }
        }
    }

    @Test
    void oddLengthsAndTheHeaderMatchTheDefinition() {
        Random random = new Random(7);
        for (int pairs = 1; pairs <= 40; pairs++) {
            byte[] data = new byte[8 * pairs + 16];
            random.nextBytes(data);
            MemorySegment seg = MemorySegment.ofArray(data);
            for (boolean big : new boolean[] {false, true}) {
                int[] seed = {random.nextInt(), random.nextInt()};
                int[] got = seed.clone();
                WalFormat.checksum(seg, 16, 8L * pairs, WalFormat.wordOrder(big), got);
                assertArrayEquals(definition(data, 16, 8 * pairs, big, seed), got, pairs + " pairs");
            }
        }
    }
}
