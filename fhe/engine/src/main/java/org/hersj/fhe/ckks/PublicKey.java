package org.hersj.fhe.ckks;

import org.hersj.fhe.ring.RnsPoly;

/** The public encryption key (b, a) = (-a s + e, a), NTT form over q_0 .. q_L. */
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
        int limbs = params.maxLevel() + 1;
        if (b.limbCount() != limbs || a.limbCount() != limbs) {
            throw new IllegalArgumentException("public key polynomials must have " + limbs + " limbs");
        }
        this.params = params;
        this.b = b;
        this.a = a;
    }

    /** @return the parameters */
    public CkksParameters params() {
        return params;
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
