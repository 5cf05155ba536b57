package org.hersj.fhe.ckks;

import org.hersj.fhe.arith.Modulus;
import org.hersj.fhe.ring.LimbArithmetic;
import org.hersj.fhe.ring.RnsPoly;
import org.hersj.fhe.ring.RnsRing;

/**
 * Hybrid key switching with the scratch space it needs (not thread-safe; one per evaluator).
 *
 * <p>Given d in NTT form at level l, for each digit j: take d's residues in the digit's primes back to
 * coefficients, extend them exactly (one prime per digit) or approximately (fast base conversion) to the
 * other primes of Q_l and to P, transform, and accumulate d_j * (b_j, a_j) with Shoup products lazily
 * reduced in [0, 2q). Finally divide by P with rounding (mod-down). The result (k_0, k_1) satisfies
 * k_0 + k_1 s = d s' + e_ks with |e_ks| about sqrt(digits * N) * sigma * max(digit modulus) / P + sqrt(N)
 * per coefficient.
 */
final class KeySwitcher {
    private final CkksParameters params;
    private final RnsRing ring;
    private final int qCount;
    private final int pCount;
    private final long[][] acc0;
    private final long[][] acc1;
    private final long[][] ext;
    private final long[][] digitCoefficients;
    private final long[][] converterScratch;
    private final long[][] dividerScratch;
    private final RnsPoly result0;
    private final RnsPoly result1;

    KeySwitcher(CkksParameters params) {
        this.params = params;
        this.ring = params.ring();
        this.qCount = params.maxLevel() + 1;
        this.pCount = params.pCount();
        int n = params.ringDegree();
        acc0 = new long[ring.size()][n];
        acc1 = new long[ring.size()][n];
        ext = new long[ring.size()][n];
        digitCoefficients = new long[pCount][n];
        converterScratch = new long[pCount][n];
        dividerScratch = new long[qCount + 2 * pCount + 2][n];
        result0 = new RnsPoly(n, qCount);
        result1 = new RnsPoly(n, qCount);
    }

    /**
     * Computes (k_0, k_1) with k_0 + k_1 s ~ d s', to be added to a ciphertext by {@link #addResultTo}.
     *
     * @param d polynomial in NTT form (limbs 0 .. level read, not modified)
     * @param level its level
     * @param key switching key from s' to s
     */
    void switchKey(RnsPoly d, int level, SwitchingKey key) {
        LevelTables tables = params.levelTables();
        accumulate(d, level, key, tables);
        tables.divideByP(level, acc0, acc1, result0, result1, dividerScratch);
    }

    /**
     * Relinearises and rescales in one division: out = ((c_0, c_1) P + sum_j d_j (b_j, a_j)) / (q_level P),
     * rounded, at level - 1. Saves the separate rescale's transforms; the rounding error stays within 2 per
     * coefficient (fast base conversion over two dropped primes).
     */
    void switchKeyAndRescale(RnsPoly c0, RnsPoly c1, RnsPoly d, int level, SwitchingKey key, Ciphertext out) {
        LevelTables tables = params.levelTables();
        accumulate(d, level, key, tables);
        long[][] keep0 = new long[level][];
        long[][] keep1 = new long[level][];
        long[][] out0 = new long[level][];
        long[][] out1 = new long[level][];
        long[][] drop0 = new long[1 + pCount][];
        long[][] drop1 = new long[1 + pCount][];
        for (int i = 0; i <= level; i++) {
            Modulus m = ring.modulus(i);
            long pModQ = pModQ(i);
            long pShoup = m.shoup(pModQ);
            addScaled(acc0[i], c0.limb(i), pModQ, pShoup, m);
            addScaled(acc1[i], c1.limb(i), pModQ, pShoup, m);
            if (i < level) {
                keep0[i] = acc0[i];
                keep1[i] = acc1[i];
                out0[i] = out.poly(0).limb(i);
                out1[i] = out.poly(1).limb(i);
            }
        }
        drop0[0] = acc0[level];
        drop1[0] = acc1[level];
        for (int k = 0; k < pCount; k++) {
            drop0[1 + k] = acc0[qCount + k];
            drop1[1 + k] = acc1[qCount + k];
        }
        tables.modDownRescale(level).divide(keep0, drop0, out0, dividerScratch);
        tables.modDownRescale(level).divide(keep1, drop1, out1, dividerScratch);
    }

    // acc (lazy, [0, 2q)) += c * (P mod q), result in [0, q).
    private static void addScaled(long[] acc, long[] c, long w, long ws, Modulus m) {
        for (int k = 0; k < acc.length; k++) {
            acc[k] = m.reduceFrom4q(acc[k] + m.mulShoupLazy(c[k], w, ws));
        }
    }

    private long pModQ(int i) {
        Modulus m = ring.modulus(i);
        long product = 1;
        for (int k = 0; k < pCount; k++) {
            product = m.mul(product, m.reduceWord(ring.modulus(qCount + k).value()));
        }
        return product;
    }

    private void accumulate(RnsPoly d, int level, SwitchingKey key, LevelTables tables) {
        if (key.decompositionBits() > 0) {
            accumulateWords(d, level, key);
        } else {
            accumulateDigits(d, level, key, tables.digits(level));
        }
    }

    // Plain RNS digits: mod-up each digit by base conversion.
    private void accumulateDigits(RnsPoly d, int level, SwitchingKey key, LevelTables.Digit[] digits) {
        for (int j = 0; j < digits.length; j++) {
            LevelTables.Digit digit = digits[j];
            int count = digit.end() - digit.start();
            long[][] source = new long[count][];
            for (int t = 0; t < count; t++) {
                source[t] = digitCoefficients[t];
                System.arraycopy(d.limb(digit.start() + t), 0, source[t], 0, source[t].length);
                ring.ntt(digit.start() + t).inverse(source[t]);
            }
            int[] targets = digit.targets();
            long[][] targetLimbs = new long[targets.length][];
            for (int t = 0; t < targets.length; t++) {
                targetLimbs[t] = ext[targets[t]];
            }
            digit.modUp().convert(source, targetLimbs, converterScratch);
            for (int target : targets) {
                ring.ntt(target).forward(ext[target]);
            }
            for (int r = 0; r <= level; r++) {
                long[] x = (r >= digit.start() && r < digit.end()) ? d.limb(r) : ext[r];
                accumulate(x, key, j, r, j == 0);
            }
            for (int k = 0; k < pCount; k++) {
                accumulate(ext[qCount + k], key, j, qCount + k, j == 0);
            }
        }
    }

    // w-bit words of each residue: a word is below every prime, so it extends to all limbs as is.
    private void accumulateWords(RnsPoly d, int level, SwitchingKey key) {
        int w = key.decompositionBits();
        long mask = (1L << w) - 1;
        long[] residue = digitCoefficients[0];
        boolean first = true;
        for (int i = 0; i <= level; i++) {
            System.arraycopy(d.limb(i), 0, residue, 0, residue.length);
            ring.ntt(i).inverse(residue);
            int firstWord = SwitchingKey.firstWord(params, w, i);
            int words = SwitchingKey.wordsOf(params, w, i);
            for (int k = 0; k < words; k++) {
                int shift = k * w;
                long[] word = ext[0];
                for (int c = 0; c < word.length; c++) {
                    word[c] = (residue[c] >>> shift) & mask;
                }
                for (int r = 1; r <= level; r++) {
                    System.arraycopy(word, 0, ext[r], 0, word.length);
                }
                for (int p = 0; p < pCount; p++) {
                    System.arraycopy(word, 0, ext[qCount + p], 0, word.length);
                }
                for (int r = 0; r <= level; r++) {
                    ring.ntt(r).forward(ext[r]);
                    accumulate(ext[r], key, firstWord + k, r, first);
                }
                for (int p = 0; p < pCount; p++) {
                    ring.ntt(qCount + p).forward(ext[qCount + p]);
                    accumulate(ext[qCount + p], key, firstWord + k, qCount + p, first);
                }
                first = false;
            }
        }
    }

    // acc[r] (+)= x * key_j[r] for both key components; values stay in [0, 2q).
    private void accumulate(long[] x, SwitchingKey key, int digit, int r, boolean first) {
        Modulus m = ring.modulus(r);
        long q = m.value();
        long twoQ = 2 * q;
        long[] kb = key.b(digit).limb(r);
        long[] kbs = key.bShoup(digit).limb(r);
        long[] ka = key.a(digit).limb(r);
        long[] kas = key.aShoup(digit).limb(r);
        long[] a0 = acc0[r];
        long[] a1 = acc1[r];
        int n = x.length;
        if (first) {
            for (int c = 0; c < n; c++) {
                long v = x[c];
                long wb = kbs[c];
                long wa = kas[c];
                a0[c] = v * kb[c] - Math.multiplyHigh(v << 1, wb) * q;
                a1[c] = v * ka[c] - Math.multiplyHigh(v << 1, wa) * q;
            }
        } else {
            for (int c = 0; c < n; c++) {
                long v = x[c];
                long wb = kbs[c];
                long wa = kas[c];
                long s0 = a0[c] + v * kb[c] - Math.multiplyHigh(v << 1, wb) * q;
                long s1 = a1[c] + v * ka[c] - Math.multiplyHigh(v << 1, wa) * q;
                a0[c] = s0 >= twoQ ? s0 - twoQ : s0;
                a1[c] = s1 >= twoQ ? s1 - twoQ : s1;
            }
        }
    }
    /**
     * out_0 = c0 + k_0, out_1 = c1 + k_1 (c1 may be null: out_1 = k_1), from the last {@link #switchKey};
     * {@code out} must already have degree 1 and the level.
     */
    void addResultTo(RnsPoly c0, RnsPoly c1, int level, Ciphertext out) {
        for (int i = 0; i <= level; i++) {
            Modulus m = ring.modulus(i);
            long[] k0 = result0.limb(i);
            long[] k1 = result1.limb(i);
            LimbArithmetic.add(c0.limb(i), k0, out.poly(0).limb(i), m);
            if (c1 != null) {
                LimbArithmetic.add(c1.limb(i), k1, out.poly(1).limb(i), m);
            } else {
                System.arraycopy(k1, 0, out.poly(1).limb(i), 0, k1.length);
            }
        }
    }
}
