package org.hersj.fhe.ckks;

import org.hersj.fhe.arith.Modulus;

/**
 * Client-side decryption of degree-1 and degree-2 ciphertexts: m = c_0 + c_1 s (+ c_2 s^2) in NTT form. s and
 * s^2 are fixed, so they are kept with their Shoup quotients and every product is a lazy Shoup product (three
 * multiplications, no 128-bit reduction): about half the cost of Horner's rule with Barrett reductions, which
 * mattered because a search decrypts one score ciphertext per gallery block. These precomputed powers are key
 * material like s itself and never leave this object. Thread-safe (immutable after construction).
 */
public final class Decryptor {
    private final CkksParameters params;
    /** Per limb: s (the key's own limbs), its Shoup quotients, s^2 and its Shoup quotients. */
    private final long[][] s;
    private final long[][] sShoup;
    private final long[][] sSquared;
    private final long[][] sSquaredShoup;

    /**
     * @param params parameters
     * @param sk the secret key, made under the same parameters
     */
    public Decryptor(CkksParameters params, SecretKey sk) {
        if (!sk.params().equals(params)) {
            throw new IllegalArgumentException("secret key belongs to other parameters than " + params);
        }
        this.params = params;
        int limbs = params.maxLevel() + 1;
        int n = params.ringDegree();
        s = new long[limbs][];
        sShoup = new long[limbs][n];
        sSquared = new long[limbs][n];
        sSquaredShoup = new long[limbs][n];
        for (int i = 0; i < limbs; i++) {
            Modulus m = params.ring().modulus(i);
            s[i] = sk.poly().limb(i);
            for (int c = 0; c < n; c++) {
                sShoup[i][c] = m.shoup(s[i][c]);
                sSquared[i][c] = m.mul(s[i][c], s[i][c]);
                sSquaredShoup[i][c] = m.shoup(sSquared[i][c]);
            }
        }
    }

    /**
     * @param ct ciphertext of degree 1 or 2
     * @return the plaintext at the ciphertext's level and scale
     */
    public Plaintext decryptNew(Ciphertext ct) {
        Plaintext out = new Plaintext(params, ct.level(), ct.scale());
        decrypt(ct, out);
        return out;
    }

    /**
     * Decrypts into an existing buffer.
     *
     * @param ct ciphertext of degree 1 or 2
     * @param out plaintext with capacity at least the ciphertext's level
     */
    public void decrypt(Ciphertext ct, Plaintext out) {
        if (!ct.params().equals(params) || !out.params().equals(params)) {
            throw new IllegalArgumentException("ciphertext or output belongs to other CKKS parameters than this decryptor ("
                    + params + ")");
        }
        out.reset(ct.level(), ct.scale());
        for (int i = 0; i <= ct.level(); i++) {
            Modulus m = params.ring().modulus(i);
            long[] acc = out.poly().limb(i);
            long[] c0 = ct.poly(0).limb(i);
            long[] c1 = ct.poly(1).limb(i);
            if (ct.degree() == 1) {
                decryptLimb(c0, c1, s[i], sShoup[i], acc, m);
            } else {
                decryptLimb(c0, c1, ct.poly(2).limb(i), s[i], sShoup[i], sSquared[i], sSquaredShoup[i], acc, m);
            }
        }
    }

    // acc = c0 + c1 s: one lazy Shoup product in [0, 2q), plus c0 < q, reduced from [0, 3q)
    private static void decryptLimb(long[] c0, long[] c1, long[] s, long[] sShoup, long[] acc, Modulus m) {
        for (int c = 0; c < acc.length; c++) {
            acc[c] = m.reduceFrom4q(c0[c] + m.mulShoupLazy(c1[c], s[c], sShoup[c]));
        }
    }

    // acc = c0 + c1 s + c2 s^2: two lazy Shoup products, each in [0, 2q), plus c0 < q, reduced from [0, 5q)
    private static void decryptLimb(long[] c0, long[] c1, long[] c2, long[] s, long[] sShoup, long[] s2,
            long[] s2Shoup, long[] acc, Modulus m) {
        final long fourQ = 4 * m.value();
        for (int c = 0; c < acc.length; c++) {
            long r = c0[c] + m.mulShoupLazy(c1[c], s[c], sShoup[c]) + m.mulShoupLazy(c2[c], s2[c], s2Shoup[c]) - fourQ;
            acc[c] = m.reduceFrom4q(r + ((r >> 63) & fourQ));
        }
    }

    @Override
    public String toString() {
        return "Decryptor(" + params + ", secret key <redacted>)";
    }
}
