package org.hersj.fhe.ckks.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hersj.fhe.ckks.CkksParameters;

/**
 * Residues stored in as many bits as their prime has (a 54-bit residue in 54 bits, not 64): each run of N
 * residues of one polynomial limb takes ceil(N * bits / 64) little-endian 64-bit words, the first residue in
 * the lowest bits. Reading checks every residue is below its prime, so damaged data is refused, never
 * decoded into a wrong ciphertext.
 */
final class ResiduePacking {

    private static final VarHandle LITTLE_ENDIAN_LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Per-thread copy of the run being read, 8 bytes longer than the run: unpacking from a byte array with
     * offsets hoisted per group of 8 residues took 0.9-1.0 ns per residue here, against 1.4-1.7 straight
     * from the (direct) record buffer, one checked load per residue.
     */
    private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1][0]);

    private ResiduePacking() {
    }

    /** @return bits per residue of prime {@code i}: its bit length */
    static int bits(CkksParameters params, int i) {
        return 64 - Long.numberOfLeadingZeros(params.ring().modulus(i).value());
    }

    /** @return bytes of one packed run of N residues of prime {@code i} */
    static int runBytes(CkksParameters params, int i) {
        long bitsTotal = (long) params.ringDegree() * bits(params, i);
        return (int) ((bitsTotal + 63) / 64) * 8;
    }

    /** Per-thread words of the run being written: then one bulk copy, not a checked store per word. */
    private static final ThreadLocal<long[][]> WORDS = ThreadLocal.withInitial(() -> new long[1][0]);

    /**
     * Writes {@code limb} (residues of prime {@code i}) at {@code out}'s position (which must be in little-endian
     * order) in little-endian words: packed into a per-thread word array, then copied in bulk (1.0-1.1 ns per
     * residue here, against 1.0-3.2 for a checked store into the buffer per word, slowest at 38 bits).
     */
    static void write(ByteBuffer out, long[] limb, int bits) {
        int words = (int) (((long) limb.length * bits + 63) >>> 6);
        long[][] holder = WORDS.get();
        if (holder[0].length < words) {
            holder[0] = new long[words];
        }
        long[] packed = holder[0];
        int w = 0;
        long acc = 0;
        int used = 0;
        for (long v : limb) {
            acc |= v << used;
            used += bits;
            if (used >= 64) {
                packed[w++] = acc;
                used -= 64;
                acc = used == 0 ? 0 : v >>> (bits - used);
            }
        }
        if (used > 0) {
            packed[w] = acc;
        }
        int at = out.position();
        out.asLongBuffer().put(packed, 0, words);
        out.position(at + words * 8);
    }

    /**
     * Reads a run written by {@link #write} into {@code limb}, advancing {@code in}'s position (which must be in
     * little-endian order). Where
     * {@link #fitsOneLoad} holds, the run is copied into a per-thread byte array and residue c is one unaligned
     * little-endian 8-byte load at byte c * bits / 8, shifted right by (c * bits) mod 8 and masked: no carried
     * state and no data-dependent branch, eight residues per step with their offsets hoisted. Other widths
     * go word by word.
     *
     * @throws CkksFormatException if a residue is not below {@code q}
     */
    static void read(ByteBuffer in, long[] limb, int bits, long q, String source) {
        int at = in.position();
        int runBytes = (int) (((long) limb.length * bits + 63) >>> 6) * 8;
        long bad = fitsOneLoad(bits) ? readByLoads(in, at, runBytes, limb, bits, q)
                : readWords(in, at, limb, bits, q);
        in.position(at + runBytes);
        if (bad != 0) {
            for (int k = 0; k < limb.length; k++) {
                if (limb[k] >= q) {
                    throw new CkksFormatException(source + ": residue " + limb[k] + " at " + k
                            + " is not below its prime " + q
                            + "; the data is corrupted or belongs to other parameters");
                }
            }
        }
    }

    // The one-load read of a run of `runBytes` at byte `at`; @return all ones if a residue is >= q.
    private static long readByLoads(ByteBuffer in, int at, int runBytes, long[] limb, int bits, long q) {
        byte[][] holder = SCRATCH.get();
        if (holder[0].length < runBytes + 8) {
            holder[0] = new byte[runBytes + 8];
        }
        byte[] run = holder[0];
        in.get(at, run, 0, runBytes);
        long mask = -1L >>> (64 - bits);
        long last = q - 1;
        long bad = 0;
        int o1 = bits >>> 3, o2 = 2 * bits >>> 3, o3 = 3 * bits >>> 3, o4 = 4 * bits >>> 3;
        int o5 = 5 * bits >>> 3, o6 = 6 * bits >>> 3, o7 = 7 * bits >>> 3;
        int s1 = bits & 7, s2 = 2 * bits & 7, s3 = 3 * bits & 7, s4 = 4 * bits & 7;
        int s5 = 5 * bits & 7, s6 = 6 * bits & 7, s7 = 7 * bits & 7;
        int groups = limb.length >>> 3;
        for (int g = 0; g < groups; g++) {
            int b = g * bits; // byte offset of residue 8g: 8g * bits / 8
            int c = g << 3;
            long v0 = (long) LITTLE_ENDIAN_LONGS.get(run, b) & mask;
            long v1 = ((long) LITTLE_ENDIAN_LONGS.get(run, b + o1) >>> s1) & mask;
            long v2 = ((long) LITTLE_ENDIAN_LONGS.get(run, b + o2) >>> s2) & mask;
            long v3 = ((long) LITTLE_ENDIAN_LONGS.get(run, b + o3) >>> s3) & mask;
            long v4 = ((long) LITTLE_ENDIAN_LONGS.get(run, b + o4) >>> s4) & mask;
            long v5 = ((long) LITTLE_ENDIAN_LONGS.get(run, b + o5) >>> s5) & mask;
            long v6 = ((long) LITTLE_ENDIAN_LONGS.get(run, b + o6) >>> s6) & mask;
            long v7 = ((long) LITTLE_ENDIAN_LONGS.get(run, b + o7) >>> s7) & mask;
            limb[c] = v0;
            limb[c + 1] = v1;
            limb[c + 2] = v2;
            limb[c + 3] = v3;
            limb[c + 4] = v4;
            limb[c + 5] = v5;
            limb[c + 6] = v6;
            limb[c + 7] = v7;
            bad |= (last - v0) | (last - v1) | (last - v2) | (last - v3) | (last - v4) | (last - v5)
                    | (last - v6) | (last - v7);
        }
        for (int c = groups << 3; c < limb.length; c++) {
            long bit = (long) c * bits;
            long v = ((long) LITTLE_ENDIAN_LONGS.get(run, (int) (bit >>> 3)) >>> (bit & 7)) & mask;
            limb[c] = v;
            bad |= last - v;
        }
        return bad >> 63; // all ones iff some v > q - 1
    }

    /**
     * @return whether every residue of {@code bits} bits lies within one 8-byte load from its first byte: the
     *         bit offsets within a byte are multiples of gcd(bits, 8), at most 8 - gcd(bits, 8)
     */
    static boolean fitsOneLoad(int bits) {
        int gcd = Integer.lowestOneBit(bits | 8);
        return bits + 8 - gcd <= 64;
    }

    // The run at byte `at`, word by word (widths a single load may not hold); @return all ones if one is >= q.
    private static long readWords(ByteBuffer in, int at, long[] limb, int bits, long q) {
        long mask = -1L >>> (64 - bits);
        long bad = 0;
        int word = at;
        long acc = 0;
        int avail = 0;
        for (int c = 0; c < limb.length; c++) {
            long v;
            if (avail >= bits) {
                v = acc & mask;
                acc >>>= bits;
                avail -= bits;
            } else {
                long next = in.getLong(word);
                word += 8;
                v = (acc | (next << avail)) & mask;
                int taken = bits - avail;
                acc = next >>> taken;
                avail = 64 - taken;
            }
            limb[c] = v;
            bad |= (q - 1 - v) >> 63;
        }
        return bad;
    }
}
