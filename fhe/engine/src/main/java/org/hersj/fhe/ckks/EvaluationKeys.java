package org.hersj.fhe.ckks;

/**
 * What the server needs to compute: the relinearisation key and optional Galois (rotation) keys. Built from
 * public keys only; there is no way from here to a secret key.
 */
public final class EvaluationKeys {
    private final RelinearizationKey relinearizationKey;
    private final GaloisKeys galoisKeys;

    /**
     * @param relinearizationKey relinearisation key, or null if no ciphertext product will be relinearised
     * @param galoisKeys rotation keys, or null for none
     */
    public EvaluationKeys(RelinearizationKey relinearizationKey, GaloisKeys galoisKeys) {
        this.relinearizationKey = relinearizationKey;
        this.galoisKeys = galoisKeys;
    }

    /** @return the relinearisation key, or null */
    public RelinearizationKey relinearizationKey() {
        return relinearizationKey;
    }

    /** @return the Galois keys, or null */
    public GaloisKeys galoisKeys() {
        return galoisKeys;
    }
}
