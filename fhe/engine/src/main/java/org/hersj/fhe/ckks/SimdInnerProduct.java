package org.hersj.fhe.ckks;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The limb kernel of {@link PreparedInnerProduct} in SIMD lanes (the JDK's incubating Vector API), for primes
 * below 2^{@value #MAX_PRIME_BITS}: out_2 = sum_j a_j * b_j for one limb, every residue equal to the scalar
 * kernel's.
 *
 * <p>Each product x b mod q (x &lt; 2q, b &lt; q) takes its quotient from doubles: with w = b / q rounded,
 * est = round(x w) is floor(x b / q) or one more (|x w - x b / q| &lt; 1/4 for x &lt; 2^51), so x b - est q, in
 * wrapping 64-bit products, lies in (-q, q). Both conversions use the 2^52 exponent trick (exact for integers
 * below 2^52), which leaves two 64-bit lane products and one fused multiply-add per product, against three
 * scalar 64-bit multiplications of a Shoup product. The signed terms are summed in lanes and folded back into
 * [0, q) every {@value #FOLD} terms; Karatsuba's middle output subtracts the other two once. FOLD is bounded by
 * {@code reduce}'s input, the middle sum plus its offset, 6 (FOLD + 1) q &lt; 2^62: at most ~680 for q near 2^50.
 * Residues must be in [0, q) (every reader checks them); the scalar kernel accepts more, this one does not.
 *
 * <p>Used only when the JVM has the module ({@code --add-modules jdk.incubator.vector}, which {@code hers} and
 * the test runs pass) and 512-bit lanes (8 longs): {@link #available()}. Measured on AVX-512 only (bench/README.md,
 * "SIMD block product"). Stateless; thread-safe.
 */
final class SimdInnerProduct {
    /** Primes must be below 2^50: sums x = a_0 + a_1 &lt; 2^51 keep x w below 2^51 and the trick exact. */
    static final int MAX_PRIME_BITS = 50;

    /** Terms summed between folds: signed sums stay below (FOLD + 1) q in magnitude. */
    private static final int FOLD = 256;

    /** Coefficients per chunk: the three running sums, 3 x 512 x 8 bytes = 12 KB, stay in L1. */
    private static final int CHUNK = 512;

    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_512;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_512;
    private static final long EXPONENT = Double.doubleToRawLongBits(0x1p52);

    private SimdInnerProduct() {
    }

    /**
     * @return whether the kernel runs here: the preferred vector shape has 512 bits (measured there; narrower
     *         lanes emulate the 64-bit lane product)
     */
    static boolean available() {
        return LongVector.SPECIES_PREFERRED.vectorBitSize() >= 512;
    }

    /** @return whether the kernel handles residues modulo {@code q} */
    static boolean handles(long q) {
        return q < (1L << MAX_PRIME_BITS);
    }

    /** @return w = b / q for each residue b of {@code values}, the quotient estimates' fixed operand */
    static double[] ratios(long[] values, long q) {
        double[] w = new double[values.length];
        for (int c = 0; c < values.length; c++) {
            w[c] = (double) values[c] / q;
        }
        return w;
    }

    /**
     * d_0, d_1, d_2 = sum_{j &lt; count} (x0_j + x1_j Y)(y0_j + y1_j Y) mod q for one limb, each in [0, q), with
     * ySum_j = y0_j + y1_j mod q and w* the {@link #ratios} of the y's; every x and y residue in [0, q).
     */
    static void compute(long[][] x0, long[][] x1, long[][] y0, long[][] y1, long[][] ySum, double[][] w0,
            double[][] w1, double[][] wSum, int count, long q, long[] d0, long[] d1, long[] d2) {
        if (!handles(q)) {
            throw new IllegalArgumentException("the SIMD product needs a prime below 2^" + MAX_PRIME_BITS);
        }
        final int lanes = LONGS.length();
        final LongVector qv = LongVector.broadcast(LONGS, q);
        final DoubleVector inverse = DoubleVector.broadcast(DOUBLES, 1.0 / q);
        final LongVector offset = LongVector.broadcast(LONGS, (FOLD + 1) * q);
        final LongVector middleOffset = LongVector.broadcast(LONGS, 3L * (FOLD + 1) * q);
        // The running sums go through the output arrays, a chunk at a time (L1-resident), not through vectors
        // carried across the term loop: in the engine's loops JDK 17 boxed those (585 against the scalar kernel's
        // 380 us per SEARCH_N4096 block, although a stand-alone loop of 16 fixed terms ran faster than scalar).
        for (int from = 0; from < d0.length; from += CHUNK) {
            int to = Math.min(d0.length, from + CHUNK);
            java.util.Arrays.fill(d0, from, to, 0L);
            java.util.Arrays.fill(d1, from, to, 0L);
            java.util.Arrays.fill(d2, from, to, 0L);
            for (int j = 0; j < count; j++) {
                if (j > 0 && j % FOLD == 0) { // sums in (-FOLD q, (FOLD + 1) q): back to [0, q)
                    for (int c = from; c < to; c += lanes) {
                        reduce(LongVector.fromArray(LONGS, d0, c).add(offset), qv, inverse).intoArray(d0, c);
                        reduce(LongVector.fromArray(LONGS, d1, c).add(offset), qv, inverse).intoArray(d1, c);
                        reduce(LongVector.fromArray(LONGS, d2, c).add(offset), qv, inverse).intoArray(d2, c);
                    }
                }
                final long[] a0 = x0[j];
                final long[] a1 = x1[j];
                final long[] b0 = y0[j];
                final long[] b1 = y1[j];
                final long[] bs = ySum[j];
                final double[] v0 = w0[j];
                final double[] v1 = w1[j];
                final double[] vs = wSum[j];
                for (int c = from; c < to; c += lanes) {
                    LongVector u0 = LongVector.fromArray(LONGS, a0, c);
                    LongVector u1 = LongVector.fromArray(LONGS, a1, c);
                    LongVector.fromArray(LONGS, d0, c).add(product(u0, LongVector.fromArray(LONGS, b0, c),
                            DoubleVector.fromArray(DOUBLES, v0, c), qv)).intoArray(d0, c);
                    LongVector.fromArray(LONGS, d2, c).add(product(u1, LongVector.fromArray(LONGS, b1, c),
                            DoubleVector.fromArray(DOUBLES, v1, c), qv)).intoArray(d2, c);
                    LongVector.fromArray(LONGS, d1, c).add(product(u0.add(u1), LongVector.fromArray(LONGS, bs, c),
                            DoubleVector.fromArray(DOUBLES, vs, c), qv)).intoArray(d1, c);
                }
            }
            // |s_k| < (FOLD + 1) q, so the middle s_1 - s_0 - s_2 plus 3 (FOLD + 1) q lies in (0, 6 (FOLD + 1) q)
            for (int c = from; c < to; c += lanes) {
                LongVector s0 = LongVector.fromArray(LONGS, d0, c);
                LongVector s1 = LongVector.fromArray(LONGS, d1, c);
                LongVector s2 = LongVector.fromArray(LONGS, d2, c);
                reduce(s1.sub(s0).sub(s2).add(middleOffset), qv, inverse).intoArray(d1, c);
                reduce(s0.add(offset), qv, inverse).intoArray(d0, c);
                reduce(s2.add(offset), qv, inverse).intoArray(d2, c);
            }
        }
    }

    // x b - round(x w) q, in (-q, q), for 0 <= x < 2^51 and w = b / q rounded.
    private static LongVector product(LongVector x, LongVector b, DoubleVector w, LongVector qv) {
        DoubleVector xd = x.or(EXPONENT).reinterpretAsDoubles().sub(0x1p52);
        LongVector estimate = xd.fma(w, DoubleVector.broadcast(DOUBLES, 0x1p52)).reinterpretAsLongs().sub(EXPONENT);
        return x.mul(b).sub(estimate.mul(qv));
    }

    // v mod q in [0, q) for 0 <= v < 2^62: the truncated double quotient is off by at most one.
    private static LongVector reduce(LongVector v, LongVector qv, DoubleVector inverse) {
        LongVector estimate = (LongVector) ((DoubleVector) v.convert(VectorOperators.L2D, 0)).mul(inverse)
                .convert(VectorOperators.D2L, 0);
        LongVector r = v.sub(estimate.mul(qv)); // (-q, 2q)
        r = r.add(r.lanewise(VectorOperators.ASHR, 63).and(qv));
        LongVector over = r.sub(qv);
        return over.add(over.lanewise(VectorOperators.ASHR, 63).and(qv));
    }
}
