package org.hersj.fhe.ckks;

import org.hersj.fhe.ring.RnsPoly;

/**
 * The client's secret: a uniform ternary polynomial s, held in NTT form over every prime of Q and P.
 * Never printed; no server-side type accepts it.
 */
public final class SecretKey {
    private final CkksParameters params;
    private final RnsPoly s;

    /**
     * @param params parameters
     * @param s s in NTT form over all L + 1 + K primes
     */
    public SecretKey(CkksParameters params, RnsPoly s) {
        if (s.limbCount() != params.ring().size() || s.degree() != params.ringDegree()) {
            throw new IllegalArgumentException("secret key polynomial has " + s.limbCount() + " limbs of degree "
                    + s.degree() + ", expected " + params.ring().size() + " of degree " + params.ringDegree());
        }
        this.params = params;
        this.s = s;
    }

    /** @return the parameters */
    public CkksParameters params() {
        return params;
    }

    /** @return s in NTT form (live; handle as secret) */
    public RnsPoly poly() {
        return s;
    }

    @Override
    public String toString() {
        return "SecretKey(<redacted>)";
    }
}
