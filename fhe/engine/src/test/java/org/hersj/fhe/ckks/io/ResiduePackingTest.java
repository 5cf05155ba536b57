package org.hersj.fhe.ckks.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Packed runs of every width from 2 to 60 bits read back exactly, whether a residue is one 8-byte load (the
 * fast path, in groups of eight and the residues after the last group) or comes word by word (other widths).
 */
class ResiduePackingTest {

    @Test
    void everyWidthRoundTripsWithTheRunEndingAtTheBufferLimit() {
        SplittableRandom random = new SplittableRandom(7);
        for (int bits = 2; bits <= 60; bits++) {
            long q = (1L << bits) - 1; // odd, bit length `bits`: residues up to q - 1 use every bit but one value
            for (int n : new int[] {1, 7, 8, 9, 64, 1000}) {
                long[] limb = new long[n];
                for (int c = 0; c < n; c++) {
                    limb[c] = c % 5 == 0 ? q - 1 : random.nextLong(q);
                }
                int bytes = (int) (((long) n * bits + 63) / 64) * 8;
                ByteBuffer buffer = ByteBuffer.allocate(bytes + 3).order(ByteOrder.LITTLE_ENDIAN);
                buffer.put(new byte[3]); // an unaligned start, as inside a record
                ResiduePacking.write(buffer, limb, bits);
                assertEquals(3 + bytes, buffer.position(), bits + " bits, " + n + " residues");
                buffer.position(3);
                long[] back = new long[n];
                ResiduePacking.read(buffer, back, bits, q, "test");
                assertEquals(3 + bytes, buffer.position(), bits + " bits, " + n + " residues");
                assertArrayEquals(limb, back, bits + " bits, " + n + " residues");
            }
        }
    }

    @Test
    void aResidueNotBelowItsPrimeIsRefusedOnEitherPath() {
        for (int bits : new int[] {41, 59, 60}) {
            long q = (1L << bits) - 1;
            // 3 and 7: inside a group of eight on the one-load path (41, 60); 99: past the last full group;
            // on 59 bits every residue comes word by word
            for (int at : new int[] {3, 7, 99}) {
                long[] limb = new long[100];
                limb[at] = q;
                ByteBuffer buffer = ByteBuffer.allocateDirect(100 * 8).order(ByteOrder.LITTLE_ENDIAN);
                ResiduePacking.write(buffer, limb, bits);
                buffer.flip();
                CkksFormatException e = assertThrows(CkksFormatException.class,
                        () -> ResiduePacking.read(buffer, new long[100], bits, q, "run.bin"));
                assertTrue(e.getMessage().contains("at " + at), e.getMessage());
            }
        }
    }

    @Test
    void oneLoadHoldsAResidueExactlyWhenItsBitsPlusItsLargestByteOffsetFit() {
        assertTrue(ResiduePacking.fitsOneLoad(60)); // offsets 0 and 4
        assertTrue(ResiduePacking.fitsOneLoad(58)); // 0, 2, 4, 6
        assertTrue(ResiduePacking.fitsOneLoad(57)); // 0 .. 7
        assertTrue(ResiduePacking.fitsOneLoad(56));
        assertFalse(ResiduePacking.fitsOneLoad(59)); // offset 7: 66 bits
        assertFalse(ResiduePacking.fitsOneLoad(61));
    }
}
