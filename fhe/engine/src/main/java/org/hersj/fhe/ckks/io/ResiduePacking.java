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
     * Reads a run written by {@link #write} into {@code limb}, advancing {@code in}'s position.
     *
     * @throws CkksFormatException if a residue is not below {@code q}
     */
    static void read(ByteBuffer in, long[] limb, int bits, long q, String source) {
        int at = in.position();
        long mask = -1L >>> (64 - bits);
        long acc = 0;
        int avail = 0;
        long bad = 0;
        for (int c = 0; c < limb.length; c++) {
            long v;
            if (avail >= bits) {
                v = acc & mask;
                acc >>>= bits;
                avail -= bits;
            } else {
                long next = in.getLong(at);
                at += 8;
                v = (acc | (next << avail)) & mask;
                int taken = bits - avail;
                acc = next >>> taken;
                avail = 64 - taken;
            }
            limb[c] = v;
            bad |= (q - 1 - v) >> 63; // all ones iff v >= q
        }
        in.position(at);
        if (bad != 0) {
            for (int c = 0; c < limb.length; c++) {
                if (limb[c] >= q) {
                    throw new CkksFormatException(source + ": residue " + limb[c] + " at " + c + " is not below its prime "
                            + q + "; the data is corrupted or belongs to other parameters");
                }
            }
        }
    }
}
