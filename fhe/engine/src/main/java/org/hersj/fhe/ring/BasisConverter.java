package org.hersj.fhe.ring;

import org.hersj.fhe.arith.Modulus;

/**
 * Fast base conversion of coefficients from an RNS basis {q_i} to another basis {t_j}:
 * x -&gt; sum_i [x_i * (Q/q_i)^-1]_{q_i} * (Q/q_i) mod t_j. The result equals x + u * Q for some
 * 0 &lt;= u &lt; (number of source primes): exact for one source prime, approximate (by a small multiple of Q)
 * otherwise, which hybrid key switching absorbs as noise.
 *
 * <p>{@link #convertCentred} is exact instead: it lifts the centred representative, so that a following
 * exact division rounds rather than floors. Immutable and thread-safe; callers pass
 * scratch space.
 */
public final class BasisConverter {
    private final Modulus[] from;
    private final Modulus[] to;
    private final long[] hatInverse;
    private final long[] hatInverseShoup;
    private final long[][] hatModTarget;
    private final long[][] hatModTargetShoup;
    private final long[] sourceModTarget;
    private final long[] productModTarget;
    private final long[] productModTargetShoup;
    private final double[] inverseSource;

    /**
     * @param from source primes
     * @param to target primes
     */
    public BasisConverter(Modulus[] from, Modulus[] to) {
        this.from = from.clone();
        this.to = to.clone();
        hatInverse = new long[from.length];
        hatInverseShoup = new long[from.length];
        hatModTarget = new long[to.length][from.length];
        hatModTargetShoup = new long[to.length][from.length];
        for (int i = 0; i < from.length; i++) {
            long hat = 1;
            for (int k = 0; k < from.length; k++) {
                if (k != i) {
                    hat = from[i].mul(hat, from[i].reduceWord(from[k].value()));
                }
            }
            hatInverse[i] = from[i].inverse(hat);
            hatInverseShoup[i] = from[i].shoup(hatInverse[i]);
            for (int j = 0; j < to.length; j++) {
                long hatJ = 1;
                for (int k = 0; k < from.length; k++) {
                    if (k != i) {
                        hatJ = to[j].mul(hatJ, to[j].reduceWord(from[k].value()));
                    }
                }
                hatModTarget[j][i] = hatJ;
                hatModTargetShoup[j][i] = to[j].shoup(hatJ);
            }
        }
        sourceModTarget = new long[to.length];
        productModTarget = new long[to.length];
        productModTargetShoup = new long[to.length];
        for (int j = 0; j < to.length; j++) {
            sourceModTarget[j] = to[j].reduceWord(from[0].value());
            long product = 1;
            for (Modulus f : from) {
                product = to[j].mul(product, to[j].reduceWord(f.value()));
            }
            productModTarget[j] = product;
            productModTargetShoup[j] = to[j].shoup(product);
        }
        inverseSource = new double[from.length];
        for (int i = 0; i < from.length; i++) {
            inverseSource[i] = 1.0 / from[i].value();
        }
    }

    /** @return the number of source primes */
    public int sourceCount() {
        return from.length;
    }

    /**
     * Converts coefficient limbs {@code in} (one per source prime) into {@code out} (one per target prime).
     *
     * @param in source limbs, coefficients in [0, q_i)
     * @param out target limbs, written
     * @param scratch at least one limb per source prime, overwritten
     */
    public void convert(long[][] in, long[][] out, long[][] scratch) {
        int n = out[0].length;
        if (from.length == 1) {
            long[] x = in[0];
            for (int j = 0; j < to.length; j++) {
                Modulus t = to[j];
                long[] o = out[j];
                if (t.value() > from[0].value()) {
                    System.arraycopy(x, 0, o, 0, n);
                } else {
                    for (int c = 0; c < n; c++) {
                        o[c] = t.reduceWord(x[c]);
                    }
                }
            }
            return;
        }
        for (int i = 0; i < from.length; i++) {
            LimbArithmetic.mulScalar(in[i], hatInverse[i], hatInverseShoup[i], scratch[i], from[i]);
        }
        for (int j = 0; j < to.length; j++) {
            Modulus t = to[j];
            long[] o = out[j];
            for (int c = 0; c < n; c++) {
                o[c] = weightedSum(t, j, scratch, c);
            }
        }
    }

    // sum_i y_i (D / q_i) mod t for the coefficient c, y_i = scratch[i][c] < 2^60: Shoup products by the
    // fixed factors, accumulated in [0, 2t).
    private long weightedSum(Modulus t, int j, long[][] scratch, int c) {
        long[] factors = hatModTarget[j];
        long[] shoups = hatModTargetShoup[j];
        long acc = 0;
        for (int i = 0; i < factors.length; i++) {
            acc = t.reduceFrom4q(acc + t.mulShoupLazy(scratch[i][c], factors[i], shoups[i]));
        }
        return acc;
    }

    /**
     * Exact conversion of the centred representative of x (in (-D/2, D/2], D the product of the source
     * primes) to every target prime. With several source primes the multiple of D hidden in the fast
     * conversion, k = round(sum_i y_i / q_i), is found in floating point (the fraction of that sum is x / D,
     * so rounding it also centres x); a tie within 2^-50 of 1/2 may pick either representative.
     *
     * @param in source limbs, coefficients in [0, q_i)
     * @param out target limbs, written
     * @param scratch at least one limb per source prime, overwritten (unused with one source prime)
     */
    public void convertCentred(long[][] in, long[][] out, long[][] scratch) {
        if (from.length == 1) {
            convertCentredSingle(in[0], out);
            return;
        }
        int n = out[0].length;
        for (int i = 0; i < from.length; i++) {
            LimbArithmetic.mulScalar(in[i], hatInverse[i], hatInverseShoup[i], scratch[i], from[i]);
        }
        for (int j = 0; j < to.length; j++) {
            Modulus t = to[j];
            long[] o = out[j];
            long productMod = productModTarget[j];
            long productShoup = productModTargetShoup[j];
            for (int c = 0; c < n; c++) {
                double v = 0.5;
                for (int i = 0; i < from.length; i++) {
                    v += scratch[i][c] * inverseSource[i];
                }
                long acc = weightedSum(t, j, scratch, c);
                long k = (long) v;
                o[c] = t.sub(acc, t.mulShoup(k, productMod, productShoup));
            }
        }
    }

    private void convertCentredSingle(long[] in, long[][] out) {
        long p = from[0].value();
        long half = p >>> 1;
        for (int j = 0; j < to.length; j++) {
            Modulus t = to[j];
            long tq = t.value();
            long pModT = sourceModTarget[j];
            long[] o = out[j];
            if (p < tq) {
                // v < p < t: v itself, or v - p + t for the negative representative
                long shift = tq - p;
                for (int c = 0; c < in.length; c++) {
                    long v = in[c];
                    o[c] = v + (((half - v) >> 63) & shift);
                }
                continue;
            }
            for (int c = 0; c < in.length; c++) {
                long v = in[c];
                long r = t.reduceWord(v);
                if (v > half) {
                    r -= pModT;
                    r = r < 0 ? r + tq : r;
                }
                o[c] = r;
            }
        }
    }
}
