package org.hersj.fhe.ckks;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rotation keys: for each Galois element g = 5^step mod 2N a switching key from s(X^g) to s. Public
 * (server side). A rotation by {@code step} slots needs the key of exactly that step.
 */
public final class GaloisKeys {
    private final CkksParameters params;
    private final Map<Long, SwitchingKey> keys;

    /**
     * @param params parameters
     * @param keys switching keys by Galois element
     */
    public GaloisKeys(CkksParameters params, Map<Long, SwitchingKey> keys) {
        this.params = params;
        this.keys = Collections.unmodifiableMap(new TreeMap<>(keys));
    }

    /** @return an empty set of keys */
    public static GaloisKeys none(CkksParameters params) {
        return new GaloisKeys(params, Map.of());
    }

    /** @return the parameters */
    public CkksParameters params() {
        return params;
    }

    /** @return the keys by Galois element (unmodifiable) */
    public Map<Long, SwitchingKey> byGaloisElement() {
        return keys;
    }

    /**
     * @param params parameters
     * @param step rotation to the left by this many slots (negative: to the right)
     * @return the Galois element 5^step mod 2N
     */
    public static long galoisElement(CkksParameters params, int step) {
        int slots = params.slots();
        int k = Math.floorMod(step, slots);
        long twoN = 2L * params.ringDegree();
        long g = 1;
        for (int i = 0; i < k; i++) {
            g = g * 5 % twoN;
        }
        return g;
    }

    /**
     * @param step rotation step
     * @return the key for that step
     * @throws IllegalArgumentException naming the step if there is no key for it
     */
    public SwitchingKey forStep(int step) {
        SwitchingKey key = keys.get(galoisElement(params, step));
        if (key == null) {
            throw new IllegalArgumentException("no Galois key for rotation step " + step
                    + "; generate it with KeyGenerator.galoisKeys(secretKey, ..., " + step + ", ...)");
        }
        return key;
    }
}
