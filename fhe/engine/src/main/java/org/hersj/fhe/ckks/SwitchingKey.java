package org.hersj.fhe.ckks;

import org.hersj.fhe.arith.Modulus;
import org.hersj.fhe.ring.RnsPoly;

/**
 * A hybrid key-switching key from a secret s' to s: for each digit j (a group of K consecutive q primes),
 * (b_j, a_j) = (-a_j s + e_j + P * g_j * s', a_j) over all primes of Q and P, where g_j is 1 modulo the
 * digit's primes and 0 modulo the other q's. With a decomposition of w bits (one special prime only) there
 * is one digit per (q_i, word k) with factor P * 2^(w k) * g_i instead, for residues split into w-bit words. Shoup quotients of every residue are precomputed, since keys
 * are the fixed operand of every key switch. Immutable by convention (limbs are exposed for serialisation).
 */
public final class SwitchingKey {
    private final CkksParameters params;
    private final int decompositionBits;
    private final RnsPoly[] b;
    private final RnsPoly[] a;
    private final RnsPoly[] bShoup;
    private final RnsPoly[] aShoup;

    /**
     * @param params parameters
     * @param decompositionBits w of the extra base-2^w decomposition, or 0 for plain RNS digits
     * @param b b_j per digit, NTT form over all primes
     * @param a a_j per digit, NTT form over all primes
     */
    public SwitchingKey(CkksParameters params, int decompositionBits, RnsPoly[] b, RnsPoly[] a) {
        if (decompositionBits != 0 && (params.pCount() != 1 || decompositionBits < 1
                || decompositionBits >= minPrimeBits(params))) {
            throw new IllegalArgumentException("decomposition of " + decompositionBits + " bits needs one special prime"
                    + " and w below every prime's bit size (" + minPrimeBits(params) + ")");
        }
        int digits = digitCount(params, decompositionBits);
        if (b.length != digits || a.length != digits) {
            throw new IllegalArgumentException("switching key must have " + digits + " digits, not " + b.length);
        }
        for (int j = 0; j < digits; j++) {
            if (b[j].limbCount() != params.ring().size() || a[j].limbCount() != params.ring().size()) {
                throw new IllegalArgumentException("switching key digit " + j + " must have " + params.ring().size()
                        + " limbs");
            }
        }
        this.params = params;
        this.decompositionBits = decompositionBits;
        this.b = b.clone();
        this.a = a.clone();
        this.bShoup = shoupOf(params, this.b);
        this.aShoup = shoupOf(params, this.a);
    }

    private static RnsPoly[] shoupOf(CkksParameters params, RnsPoly[] polys) {
        RnsPoly[] out = new RnsPoly[polys.length];
        for (int j = 0; j < polys.length; j++) {
            out[j] = new RnsPoly(params.ringDegree(), params.ring().size());
            for (int i = 0; i < params.ring().size(); i++) {
                Modulus m = params.ring().modulus(i);
                long[] in = polys[j].limb(i);
                long[] o = out[j].limb(i);
                for (int c = 0; c < in.length; c++) {
                    o[c] = m.shoup(in[c]);
                }
            }
        }
        return out;
    }

    /**
     * @param params parameters
     * @param decompositionBits w, or 0
     * @return the number of digits of a key: RNS digits, or sum over q_i of ceil(bits(q_i) / w)
     */
    public static int digitCount(CkksParameters params, int decompositionBits) {
        if (decompositionBits == 0) {
            return params.levelTables().maxDigits();
        }
        return firstWord(params, decompositionBits, params.maxLevel() + 1);
    }

    /** @return the index of the first digit of prime q_i under a w-bit decomposition */
    static int firstWord(CkksParameters params, int decompositionBits, int prime) {
        int count = 0;
        for (int i = 0; i < prime; i++) {
            count += wordsOf(params, decompositionBits, i);
        }
        return count;
    }

    /** @return the number of w-bit words of a residue modulo q_i */
    static int wordsOf(CkksParameters params, int decompositionBits, int prime) {
        int bits = params.ring().modulus(prime).bits();
        return (bits + decompositionBits - 1) / decompositionBits;
    }

    private static int minPrimeBits(CkksParameters params) {
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < params.ring().size(); i++) {
            min = Math.min(min, params.ring().modulus(i).bits());
        }
        return min;
    }

    /** @return w of the extra base-2^w decomposition, or 0 for plain RNS digits */
    public int decompositionBits() {
        return decompositionBits;
    }

    /** @return the parameters */
    public CkksParameters params() {
        return params;
    }

    /** @return the number of digits */
    public int digits() {
        return b.length;
    }

    /** @return b_j (live) */
    public RnsPoly b(int digit) {
        return b[digit];
    }

    /** @return a_j (live) */
    public RnsPoly a(int digit) {
        return a[digit];
    }

    RnsPoly bShoup(int digit) {
        return bShoup[digit];
    }

    RnsPoly aShoup(int digit) {
        return aShoup[digit];
    }
}
