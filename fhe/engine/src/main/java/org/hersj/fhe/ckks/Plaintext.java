package org.hersj.fhe.ckks;

import org.hersj.fhe.ring.RnsPoly;

/**
 * An encoded message: one polynomial in NTT form over q_0 .. q_level, and the scale its values were
 * multiplied by. Mutable so that buffers can be reused ({@code encode(..., out)}); capacity is fixed at
 * construction (the level can only be set at or below it).
 */
public final class Plaintext {
    private final CkksParameters params;
    private final RnsPoly poly;
    private int level;
    private double scale;

    /**
     * Allocates a zero plaintext.
     *
     * @param params parameters
     * @param level level (number of q primes - 1), at most {@link CkksParameters#maxLevel()}
     * @param scale scale
     */
    public Plaintext(CkksParameters params, int level, double scale) {
        Ciphertext.checkLevel(params, level);
        this.params = params;
        this.poly = new RnsPoly(params.ringDegree(), level + 1);
        this.level = level;
        this.scale = scale;
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

    /** @return the polynomial (live; limbs beyond the level are unused) */
    public RnsPoly poly() {
        return poly;
    }

    /**
     * Resets level and scale (for encoders, decryptors and deserialisers writing into this buffer).
     *
     * @param newLevel level, at most the capacity
     * @param newScale scale
     */
    public void reset(int newLevel, double newScale) {
        if (newLevel < 0 || newLevel >= poly.limbCount()) {
            throw new IllegalArgumentException("plaintext buffer holds levels 0.." + (poly.limbCount() - 1)
                    + ", not " + newLevel + "; allocate a larger one");
        }
        level = newLevel;
        scale = newScale;
    }

    @Override
    public String toString() {
        return "Plaintext(level=" + level + ", scale=2^" + String.format("%.3f", Math.log(scale) / Math.log(2)) + ")";
    }
}
