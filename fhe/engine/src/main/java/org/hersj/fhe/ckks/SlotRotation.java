package org.hersj.fhe.ckks;

import java.util.HashMap;
import java.util.Map;
import org.hersj.fhe.ring.RnsPoly;
import org.hersj.fhe.ring.RnsRing;

/**
 * Applies a Galois automorphism X -&gt; X^g to a degree-1 ciphertext and switches the result back to the
 * secret s: out = (phi(c_0) + k_0, k_1) with k_0 + k_1 s ~ phi(c_1) phi(s). In NTT form phi is a permutation
 * of evaluations, cached per g. Not thread-safe (scratch); owned by one evaluator.
 */
final class SlotRotation {
    private final RnsRing ring;
    private final KeySwitcher switcher;
    private final RnsPoly permuted0;
    private final RnsPoly permuted1;
    private final Map<Long, int[]> permutations = new HashMap<>();

    SlotRotation(CkksParameters params, KeySwitcher switcher) {
        this.ring = params.ring();
        this.switcher = switcher;
        this.permuted0 = new RnsPoly(params.ringDegree(), params.maxLevel() + 1);
        this.permuted1 = new RnsPoly(params.ringDegree(), params.maxLevel() + 1);
    }

    void apply(Ciphertext ct, long galoisElement, SwitchingKey key, Ciphertext out) {
        int[] perm = permutations.computeIfAbsent(galoisElement, ring::automorphismPermutation);
        int level = ct.level();
        double scale = ct.scale();
        for (int i = 0; i <= level; i++) {
            RnsRing.permute(ct.poly(0).limb(i), perm, permuted0.limb(i));
            RnsRing.permute(ct.poly(1).limb(i), perm, permuted1.limb(i));
        }
        switcher.switchKey(permuted1, level, key);
        out.reset(1, level, scale);
        switcher.addResultTo(permuted0, null, level, out);
    }
}
