package org.hersj.fhe.ckks;

import org.hersj.fhe.ring.LimbArithmetic;

/** Client-side decryption of degree-1 and degree-2 ciphertexts: m = c_0 + c_1 s (+ c_2 s^2). Thread-safe. */
public final class Decryptor {
    private final CkksParameters params;
    private final SecretKey secretKey;

    /**
     * @param params parameters
     * @param sk the secret key, made under the same parameters
     */
    public Decryptor(CkksParameters params, SecretKey sk) {
        if (!sk.params().equals(params)) {
            throw new IllegalArgumentException("secret key belongs to other parameters than " + params);
        }
        this.params = params;
        this.secretKey = sk;
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
     * Decrypts into an existing buffer (Horner's rule in NTT form).
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
        int degree = ct.degree();
        for (int i = 0; i <= ct.level(); i++) {
            long[] acc = out.poly().limb(i);
            long[] s = secretKey.poly().limb(i);
            System.arraycopy(ct.poly(degree).limb(i), 0, acc, 0, acc.length);
            for (int d = degree - 1; d >= 0; d--) {
                LimbArithmetic.mulAdd(acc, s, ct.poly(d).limb(i), acc, params.ring().modulus(i));
            }
        }
    }
}
