package org.hersj.fhe.ckks.io;

import java.nio.ByteBuffer;
import org.hersj.fhe.ckks.CkksParameters;

/**
 * Residues stored in as many bits as their prime has (a 54-bit residue in 54 bits, not 64): each run of N
 * residues of one polynomial limb takes ceil(N * bits / 64) little-endian 64-bit words, the first residue in
 * the lowest bits. Reading checks every residue is below its prime, so damaged data is refused, never
 * decoded into a wrong ciphertext.
 */
final class ResiduePacking {

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

    /** Writes {@code limb} (residues of prime {@code i}) at {@code out}'s position in little-endian words. */
    static void write(ByteBuffer out, long[] limb, int bits) {
        int at = out.position();
        long acc = 0;
        int used = 0;
        for (long v : limb) {
            acc |= v << used;
            used += bits;
            if (used >= 64) {
                out.putLong(at, acc);
                at += 8;
                used -= 64;
                acc = used == 0 ? 0 : v >>> (bits - used);
            }
        }
        if (used > 0) {
            out.putLong(at, acc);
            at += 8;
        }
        out.position(at);
    }

    /**
     * Reads a run written by {@link #write} into {@code limb}, advancing {@code in}'s position (which must be in
     * little-endian order). Where {@link #fitsOneLoad} holds, residue c is one unaligned 8-byte load at byte
     * c * bits / 8, shifted right by (c * bits) mod 8: no carried state and no data-dependent branch. The last
     * residues, whose 8-byte load would pass the buffer's limit, and other widths take the word-by-word loop.
     *
     * @throws CkksFormatException if a residue is not below {@code q}
     */
    static void read(ByteBuffer in, long[] limb, int bits, long q, String source) {
        int at = in.position();
        long mask = -1L >>> (64 - bits);
        long bad = 0;
        int c = 0;
        if (fitsOneLoad(bits)) {
            int end = limb.length;
            while (end > 0 && at + (int) (((long) (end - 1) * bits) >>> 3) + 8 > in.limit()) {
                end--;
            }
            for (; c < end; c++) {
                long bit = (long) c * bits;
                long v = (in.getLong(at + (int) (bit >>> 3)) >>> (bit & 7)) & mask;
                limb[c] = v;
                bad |= (q - 1 - v) >> 63; // all ones iff v >= q
            }
        }
        bad |= readWords(in, at, c, limb, bits, q);
        in.position(at + (int) (((long) limb.length * bits + 63) >>> 6) * 8);
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

    /**
     * @return whether every residue of {@code bits} bits lies within one 8-byte load from its first byte: the
     *         bit offsets within a byte are multiples of gcd(bits, 8), at most 8 - gcd(bits, 8)
     */
    static boolean fitsOneLoad(int bits) {
        int gcd = Integer.lowestOneBit(bits | 8);
        return bits + 8 - gcd <= 64;
    }

    // Residues from index `from` on, word by word from the run at byte `at`; @return all ones if one is >= q.
    private static long readWords(ByteBuffer in, int at, int from, long[] limb, int bits, long q) {
        long mask = -1L >>> (64 - bits);
        long bad = 0;
        long firstBit = (long) from * bits;
        int word = at + (int) (firstBit >>> 6) * 8;
        int skip = (int) (firstBit & 63);
        long acc = 0;
        int avail = 0;
        if (skip > 0 && from < limb.length) {
            acc = in.getLong(word) >>> skip;
            word += 8;
            avail = 64 - skip;
        }
        for (int c = from; c < limb.length; c++) {
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
