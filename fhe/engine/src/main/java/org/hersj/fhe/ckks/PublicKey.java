package org.hersj.fhe.ckks;

import org.hersj.fhe.ring.RnsPoly;

/**
 * The public encryption key (b, a) = (-a s + e, a), NTT form over q_0 .. q_L, and over the special primes
 * too when the parameters have them ({@link #extended()}): {@link Encryptor} then encrypts over QP and
 * divides by P, so a public-key ciphertext carries the noise of a rounding (about 15 per coefficient at
 * N = 4096) instead of u e + e_0 + e_1 s (about 240).
 */
public final class PublicKey {
    private final CkksParameters params;
    private final RnsPoly b;
    private final RnsPoly a;

    /**
     * @param params parameters
     * @param b -a s + e
     * @param a uniform
     */
    public PublicKey(CkksParameters params, RnsPoly b, RnsPoly a) {
        int limbs = b.limbCount();
        int q = params.maxLevel() + 1;
        int qp = params.ring().size();
        if ((limbs != q && limbs != qp) || a.limbCount() != limbs) {
            throw new IllegalArgumentException("public key polynomials must have " + q + " limbs (over Q) or " + qp
                    + " (over QP), not " + limbs + " and " + a.limbCount());
        }
        this.params = params;
        this.b = b;
        this.a = a;
    }

    /** @return the parameters */
    public CkksParameters params() {
        return params;
    }

    /** @return whether the key is given over the special primes too (encryption over QP, then divided by P) */
    public boolean extended() {
        return params.pCount() > 0 && b.limbCount() == params.ring().size();
    }

    /** @return b = -a s + e */
    public RnsPoly b() {
        return b;
    }

    /** @return a */
    public RnsPoly a() {
        return a;
    }
}
