package org.hersj.fhe.ckks;

import org.hersj.fhe.ring.RnsPoly;

/**
 * A CKKS ciphertext (c_0, ..., c_degree) with polynomials in NTT form over q_0 .. q_level; it decrypts to
 * sum c_i s^i, the message times {@link #scale()} plus noise. Degree 1 is the usual form; degree 2 is the
 * unrelinearised product used for lazy relinearisation. Mutable buffer with a fixed capacity (degree and
 * level can be set at or below the allocated ones), so that the evaluator's {@code op(a, b, out)} forms
 * allocate nothing.
 */
public final class Ciphertext {
    private final CkksParameters params;
    private final RnsPoly[] polys;
    private int degree;
    private int level;
    private double scale;
    private byte[] seed;

    /**
     * Allocates a zero ciphertext.
     *
     * @param params parameters
     * @param degree 1 or 2
     * @param level level (number of q primes - 1)
     * @param scale scale
     */
    public Ciphertext(CkksParameters params, int degree, int level, double scale) {
        checkLevel(params, level);
        if (degree < 1 || degree > 2) {
            throw new IllegalArgumentException("ciphertext degree " + degree + " must be 1 or 2");
        }
        this.params = params;
        polys = new RnsPoly[degree + 1];
        for (int i = 0; i <= degree; i++) {
            polys[i] = new RnsPoly(params.ringDegree(), level + 1);
        }
        this.degree = degree;
        this.level = level;
        this.scale = scale;
    }

    static void checkLevel(CkksParameters params, int level) {
        if (level < 0 || level > params.maxLevel()) {
            throw new IllegalArgumentException("level " + level + " must be in [0, " + params.maxLevel() + "]");
        }
    }

    /** @return the degree (1 after relinearisation, 2 after a product without it) */
    public int degree() {
        return degree;
    }

    /** @return the parameters this object was allocated for */
    public CkksParameters params() {
        return params;
    }

    /** @return the level */
    public int level() {
        return level;
    }

    /** @return the scale */
    public double scale() {
        return scale;
    }

    /** @return the allocated degree */
    public int capacityDegree() {
        return polys.length - 1;
    }

    /** @return the allocated level */
    public int capacityLevel() {
        return polys[0].limbCount() - 1;
    }

    /**
     * @param i index 0 .. degree
     * @return polynomial c_i (live)
     */
    public RnsPoly poly(int i) {
        if (i > degree) {
            throw new IndexOutOfBoundsException("ciphertext of degree " + degree + " has no polynomial " + i);
        }
        return polys[i];
    }

    /**
     * Sets degree, level and scale within the capacity (for the evaluator and deserialisers).
     *
     * @param newDegree degree, at most {@link #capacityDegree()}
     * @param newLevel level, at most {@link #capacityLevel()}
     * @param newScale scale
     */
    public void reset(int newDegree, int newLevel, double newScale) {
        if (newDegree < 1 || newDegree > capacityDegree()) {
            throw new IllegalArgumentException("ciphertext buffer holds degree up to " + capacityDegree() + ", not "
                    + newDegree + "; allocate it with Evaluator.newCiphertext(" + newDegree + ", ...)");
        }
        if (newLevel < 0 || newLevel > capacityLevel()) {
            throw new IllegalArgumentException("ciphertext buffer holds levels up to " + capacityLevel() + ", not "
                    + newLevel);
        }
        degree = newDegree;
        level = newLevel;
        scale = newScale;
        seed = null;
    }

    /**
     * @return the 32-byte public seed c_1 was expanded from ({@link Encryptor#SEED_BYTES}), or null when c_1 is
     *         not (any operation or read that rewrites the ciphertext forgets the seed)
     */
    public byte[] seed() {
        return seed == null ? null : seed.clone();
    }

    /** Records that c_1 is {@link SeededUniform#expand expanded} from {@code seed} (encryptor and readers). */
    void markSeeded(byte[] seed32) {
        this.seed = seed32.clone();
    }

    /**
     * Marks c_1 as expanded from {@code seed32}: for deserialisers that have just expanded it with
     * {@link SeededUniform#expand}.
     */
    public void markExpandedFrom(byte[] seed32) {
        if (seed32.length != Encryptor.SEED_BYTES) {
            throw new IllegalArgumentException("a seed is " + Encryptor.SEED_BYTES + " bytes, got " + seed32.length);
        }
        markSeeded(seed32);
    }

    @Override
    public String toString() {
        return "Ciphertext(degree=" + degree + ", level=" + level + ", scale=2^"
                + String.format("%.3f", Math.log(scale) / Math.log(2)) + ")";
    }
}
