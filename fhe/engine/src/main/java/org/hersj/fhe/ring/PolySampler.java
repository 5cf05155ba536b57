package org.hersj.fhe.ring;

/**
 * Draws RNS polynomials in NTT form over the first {@code limbCount} primes of a ring: uniform residues,
 * or one small polynomial (ternary or Gaussian) written modulo every prime and transformed. Not thread-safe
 * (holds a coefficient buffer); one per thread.
 */
public final class PolySampler {
    private final RnsRing ring;
    private final RandomSource random;
    private final long[] small;

    /**
     * @param ring the ring
     * @param random the random stream
     */
    public PolySampler(RnsRing ring, RandomSource random) {
        this.ring = ring;
        this.random = random;
        this.small = new long[ring.degree()];
    }

    /** Fills limbs 0 .. limbCount-1 of {@code out} with independent uniform residues (uniform in NTT form too). */
    public void uniform(RnsPoly out, int limbCount) {
        uniform(ring, random, out, limbCount);
    }

    /**
     * Fills limbs 0 .. limbCount-1 of {@code out} with independent uniform residues of {@code ring} drawn from
     * {@code random}, as {@link #uniform(RnsPoly, int)} does, without a sampler (and its coefficient buffer).
     */
    public static void uniform(RnsRing ring, RandomSource random, RnsPoly out, int limbCount) {
        for (int i = 0; i < limbCount; i++) {
            random.uniformBelow(out.limb(i), ring.modulus(i).value());
        }
    }

    /** Writes a fresh uniform ternary polynomial into limbs 0 .. limbCount-1 of {@code out}, in NTT form. */
    public void ternary(RnsPoly out, int limbCount) {
        Samplers.ternary(random, small);
        spread(out, limbCount);
    }

    /** Writes a fresh Gaussian (sigma 3.2) polynomial into limbs 0 .. limbCount-1 of {@code out}, in NTT form. */
    public void gaussian(RnsPoly out, int limbCount) {
        Samplers.gaussian(random, small);
        spread(out, limbCount);
    }

    private void spread(RnsPoly out, int limbCount) {
        for (int i = 0; i < limbCount; i++) {
            LimbArithmetic.fromSigned(small, out.limb(i), ring.modulus(i));
            ring.ntt(i).forward(out.limb(i));
        }
        java.util.Arrays.fill(small, 0L);
    }
}
