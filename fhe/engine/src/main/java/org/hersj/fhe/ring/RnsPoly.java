package org.hersj.fhe.ring;

import java.util.Arrays;

/**
 * A polynomial of Z_Q[X]/(X^N + 1) in residue-number-system form: one flat {@code long[]} of N residues per
 * prime ("limb"). Whether the limbs hold coefficients or NTT evaluations is up to the owner (the CKKS layer
 * keeps everything in NTT form). Mutable; limbs are exposed for the engine's hot loops.
 */
public final class RnsPoly {
    private final long[][] limbs;
    private final int degree;

    /**
     * Allocates a zero polynomial.
     *
     * @param degree ring degree N
     * @param limbCount number of RNS limbs
     */
    public RnsPoly(int degree, int limbCount) {
        this.degree = degree;
        this.limbs = new long[limbCount][degree];
    }

    /** @return the ring degree N */
    public int degree() {
        return degree;
    }

    /** @return the number of limbs */
    public int limbCount() {
        return limbs.length;
    }

    /**
     * @param index limb index
     * @return the residues of that limb (live array, not a copy)
     */
    public long[] limb(int index) {
        return limbs[index];
    }

    /** Sets every residue to 0. */
    public void clear() {
        for (long[] limb : limbs) {
            Arrays.fill(limb, 0L);
        }
    }

    /**
     * Copies the first {@code count} limbs of {@code source} into this polynomial's first limbs.
     *
     * @param source polynomial with at least {@code count} limbs
     * @param count limbs to copy
     */
    public void copyFrom(RnsPoly source, int count) {
        for (int i = 0; i < count; i++) {
            System.arraycopy(source.limbs[i], 0, limbs[i], 0, degree);
        }
    }

    /** @return a deep copy */
    public RnsPoly copy() {
        RnsPoly copy = new RnsPoly(degree, limbs.length);
        copy.copyFrom(this, limbs.length);
        return copy;
    }

    /** Does not print residues: they may belong to a secret. */
    @Override
    public String toString() {
        return "RnsPoly(N=" + degree + ", limbs=" + limbs.length + ")";
    }
}
