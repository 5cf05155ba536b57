package org.hersj.fhe.ckks;

import java.util.ArrayList;
import java.util.List;
import org.hersj.fhe.arith.Modulus;
import org.hersj.fhe.ring.BasisConverter;
import org.hersj.fhe.ring.NttTables;
import org.hersj.fhe.ring.RnsPoly;
import org.hersj.fhe.ring.RnsRing;
import org.hersj.fhe.ring.RoundingDivider;

/**
 * Per-level precomputation of one parameter set: the rescaling divider (drop q_l), the key-switching
 * mod-down divider (drop P) and the key-switching digits with their base converters (mod-up).
 */
final class LevelTables {
    /** One key-switching digit at one level: primes [start, end) of Q, extended to {@code targets}. */
    record Digit(int start, int end, int[] targets, BasisConverter modUp) {
    }

    private final RoundingDivider[] rescale;
    private final RoundingDivider[] modDown;
    private final RoundingDivider[] modDownRescale;
    private final Digit[][] digits;
    private final int qCount;
    private final int pCount;

    LevelTables(CkksParameters params) {
        RnsRing ring = params.ring();
        qCount = params.maxLevel() + 1;
        pCount = params.pCount();
        NttTables[] pNtt = new NttTables[pCount];
        for (int k = 0; k < pCount; k++) {
            pNtt[k] = ring.ntt(qCount + k);
        }
        rescale = new RoundingDivider[qCount];
        modDown = new RoundingDivider[qCount];
        modDownRescale = new RoundingDivider[qCount];
        digits = new Digit[qCount][];
        for (int level = 0; level < qCount; level++) {
            NttTables[] keep = new NttTables[level + 1];
            for (int i = 0; i <= level; i++) {
                keep[i] = ring.ntt(i);
            }
            if (pCount == 0) {
                // no key switching: only the rescale tables
                if (level > 0) {
                    NttTables[] below = new NttTables[level];
                    System.arraycopy(keep, 0, below, 0, level);
                    rescale[level] = new RoundingDivider(below, new NttTables[] {ring.ntt(level)});
                }
                digits[level] = new Digit[0];
                continue;
            }
            modDown[level] = new RoundingDivider(keep, pNtt);
            if (level > 0) {
                NttTables[] below = new NttTables[level];
                System.arraycopy(keep, 0, below, 0, level);
                rescale[level] = new RoundingDivider(below, new NttTables[] {ring.ntt(level)});
                NttTables[] lastAndP = new NttTables[1 + pCount];
                lastAndP[0] = ring.ntt(level);
                System.arraycopy(pNtt, 0, lastAndP, 1, pCount);
                modDownRescale[level] = new RoundingDivider(below, lastAndP);
            }
            digits[level] = digitsAt(ring, level, qCount, pCount);
        }
    }

    private static Digit[] digitsAt(RnsRing ring, int level, int qCount, int pCount) {
        List<Digit> list = new ArrayList<>();
        for (int start = 0; start <= level; start += pCount) {
            int end = Math.min(start + pCount, level + 1);
            Modulus[] from = new Modulus[end - start];
            for (int i = start; i < end; i++) {
                from[i - start] = ring.modulus(i);
            }
            int[] targets = new int[level + 1 - (end - start) + pCount];
            int t = 0;
            for (int i = 0; i <= level; i++) {
                if (i < start || i >= end) {
                    targets[t++] = i;
                }
            }
            for (int k = 0; k < pCount; k++) {
                targets[t++] = qCount + k;
            }
            Modulus[] to = new Modulus[targets.length];
            for (int i = 0; i < targets.length; i++) {
                to[i] = ring.modulus(targets[i]);
            }
            list.add(new Digit(start, end, targets, new BasisConverter(from, to)));
        }
        return list.toArray(new Digit[0]);
    }

    RoundingDivider rescale(int level) {
        return rescale[level];
    }

    RoundingDivider modDown(int level) {
        return modDown[level];
    }

    /**
     * Key-switching mod-down of a pair: out_j = round(x_j / P) at {@code level}, for j = 0, 1, all in NTT form.
     *
     * @param level the level of the result
     * @param x0 first polynomial, limbs indexed as in the ring: 0 .. level read, the P limbs (maxLevel + 1 ..)
     *     read; not modified
     * @param x1 second polynomial, limbs indexed as {@code x0}
     * @param out0 receives round(x0 / P) in limbs 0 .. level
     * @param out1 receives round(x1 / P) in limbs 0 .. level
     * @param scratch at least {@code modDown(level).scratchLimbs()} limbs of length N, overwritten
     */
    void divideByP(int level, long[][] x0, long[][] x1, RnsPoly out0, RnsPoly out1, long[][] scratch) {
        long[][] keep0 = new long[level + 1][];
        long[][] keep1 = new long[level + 1][];
        long[][] result0 = new long[level + 1][];
        long[][] result1 = new long[level + 1][];
        for (int i = 0; i <= level; i++) {
            keep0[i] = x0[i];
            keep1[i] = x1[i];
            result0[i] = out0.limb(i);
            result1[i] = out1.limb(i);
        }
        long[][] drop0 = new long[pCount][];
        long[][] drop1 = new long[pCount][];
        for (int k = 0; k < pCount; k++) {
            drop0[k] = x0[qCount + k];
            drop1[k] = x1[qCount + k];
        }
        modDown[level].divide(keep0, drop0, result0, scratch);
        modDown[level].divide(keep1, drop1, result1, scratch);
    }

    /** Divides by q_level * P at once: key-switching mod-down fused with the rescale. */
    RoundingDivider modDownRescale(int level) {
        return modDownRescale[level];
    }

    Digit[] digits(int level) {
        return digits[level];
    }

    /** @return the number of digits at the top level (the number of key parts a switching key holds) */
    int maxDigits() {
        return digits[digits.length - 1].length;
    }
}
