package org.hersj.fhe.ckks.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hersj.fhe.ckks.Ciphertext;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.Encryptor;
import org.hersj.fhe.ckks.SeededUniform;

/**
 * Compact raw ciphertext payloads for the gallery store: bit-packed (every residue in the bit length of its
 * prime, {@link ResiduePacking}) and seeded (a secret-key ciphertext as the 32-byte seed of c_1 plus c_0
 * bit-packed). Unframed and of fixed size per (parameters, degree, level), like
 * {@link CkksSerializer#writeCiphertextPayload}; reading checks every residue's range.
 */
public final class CompactPayloads {

    private CompactPayloads() {
    }

    /**
     * @return bytes of the bit-packed payload of a ciphertext: scale (8) + for each of its (degree+1)(level+1)
     *         polynomial limbs, N residues in the bit length of their prime, rounded up to whole 64-bit words
     */
    public static int packedCiphertextSize(CkksParameters params, int degree, int level) {
        long size = 8;
        for (int i = 0; i <= level; i++) {
            size += (long) (degree + 1) * ResiduePacking.runBytes(params, i);
        }
        return Math.toIntExact(size);
    }

    /**
     * Writes the bit-packed payload ({@link #packedCiphertextSize} bytes) at the buffer's position: the scale,
     * then each polynomial's limbs, every residue in as many bits as its prime has.
     *
     * @param out destination with enough remaining space; its position advances
     * @param ct the ciphertext
     */
    public static void writePackedCiphertextPayload(ByteBuffer out, Ciphertext ct) {
        ByteOrder order = out.order();
        out.order(ByteOrder.LITTLE_ENDIAN).putDouble(ct.scale());
        for (int d = 0; d <= ct.degree(); d++) {
            for (int i = 0; i <= ct.level(); i++) {
                ResiduePacking.write(out, ct.poly(d).limb(i), ResiduePacking.bits(ct.params(), i));
            }
        }
        out.order(order);
    }

    /**
     * Reads a payload written by {@link #writePackedCiphertextPayload} into {@code out}.
     *
     * @throws CkksFormatException if the payload is short, the scale is not a positive finite number or a
     *         residue is not below its prime
     */
    public static void readPackedCiphertextPayload(ByteBuffer in, CkksParameters params, int degree, int level,
            Ciphertext out) {
        ByteOrder order = in.order();
        CkksSerializer.startPayload(in, params, degree, level, out, packedCiphertextSize(params, degree, level),
                "packed ciphertext payload");
        for (int d = 0; d <= degree; d++) {
            for (int i = 0; i <= level; i++) {
                ResiduePacking.read(in, out.poly(d).limb(i), ResiduePacking.bits(params, i),
                        params.ring().modulus(i).value(), "packed ciphertext payload");
            }
        }
        in.order(order);
    }

    /**
     * @return bytes of the seeded payload of a degree-1 secret-key ciphertext: scale (8), the 32-byte seed of c_1
     *         and c_0 bit-packed (about half of {@link #packedCiphertextSize})
     */
    public static int seededCiphertextSize(CkksParameters params, int level) {
        long size = 8 + Encryptor.SEED_BYTES;
        for (int i = 0; i <= level; i++) {
            size += ResiduePacking.runBytes(params, i);
        }
        return Math.toIntExact(size);
    }

    /**
     * Writes a seeded payload ({@link #seededCiphertextSize} bytes): the scale, the seed c_1 was expanded from and
     * c_0 bit-packed.
     *
     * @throws IllegalArgumentException if {@code ct} is not a fresh seeded ciphertext ({@link Ciphertext#seed()} null)
     */
    public static void writeSeededCiphertextPayload(ByteBuffer out, Ciphertext ct) {
        byte[] seed = ct.seed();
        if (seed == null || ct.degree() != 1) {
            throw new IllegalArgumentException("only a fresh secret-key ciphertext (degree 1, c_1 expanded from a seed)"
                    + " can be written seeded; write " + ct + " packed instead");
        }
        ByteOrder order = out.order();
        out.order(ByteOrder.LITTLE_ENDIAN).putDouble(ct.scale());
        out.put(seed);
        for (int i = 0; i <= ct.level(); i++) {
            ResiduePacking.write(out, ct.poly(0).limb(i), ResiduePacking.bits(ct.params(), i));
        }
        out.order(order);
    }

    /**
     * Reads a payload written by {@link #writeSeededCiphertextPayload} into {@code out} (degree 1), expanding c_1
     * from the seed ({@link SeededUniform}).
     *
     * @throws CkksFormatException if the payload is short, the scale is not a positive finite number or a
     *         residue is not below its prime
     */
    public static void readSeededCiphertextPayload(ByteBuffer in, CkksParameters params, int level, Ciphertext out) {
        ByteOrder order = in.order();
        CkksSerializer.startPayload(in, params, 1, level, out, seededCiphertextSize(params, level), "seeded ciphertext payload");
        byte[] seed = new byte[Encryptor.SEED_BYTES];
        in.get(seed);
        for (int i = 0; i <= level; i++) {
            ResiduePacking.read(in, out.poly(0).limb(i), ResiduePacking.bits(params, i),
                    params.ring().modulus(i).value(), "seeded ciphertext payload");
        }
        SeededUniform.expand(params, seed, level, out.poly(1));
        out.markExpandedFrom(seed);
        in.order(order);
    }

}
