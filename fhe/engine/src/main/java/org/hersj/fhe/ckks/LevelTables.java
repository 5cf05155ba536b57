package org.hersj.fhe.ckks;

import java.util.ArrayList;
import java.util.List;
import org.hersj.fhe.arith.Modulus;
import org.hersj.fhe.ring.BasisConverter;
import org.hersj.fhe.ring.NttTables;
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

    LevelTables(CkksParameters params) {
        RnsRing ring = params.ring();
        int qCount = params.maxLevel() + 1;
        int pCount = params.pCount();
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
