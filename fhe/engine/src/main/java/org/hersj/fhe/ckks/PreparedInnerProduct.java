package org.hersj.fhe.ckks;

import org.hersj.fhe.arith.Modulus;

/**
 * The search's block product out_2 = sum_j a_j * b_j with every b_j {@link PreparedCiphertext prepared}
 * (the probe, fixed over all blocks) and the a_j fresh (a block's gallery columns).
 *
 * <p>Per coefficient and term: three lazy Shoup products in [0, 2q) (Karatsuba: a_0 b_0, a_1 b_1 and
 * (a_0 + a_1)(b_0 + b_1)), no Barrett reduction. Terms are taken four at a time per pass over a chunk (then
 * two, then one): fewer loads and stores of the running sums per term, and enough independent products to
 * fill the pipeline (eight per pass spill registers and are slower). The three running sums (of a_0 b_0,
 * a_1 b_1 and the Karatsuba product) stay in [0, 4q) with one conditional subtraction per sum and two
 * terms (sums stay below 8q &lt; 2^63 for q &lt; 2^60); the outputs are reduced to [0, q) once at the end,
 * where the middle output subtracts the other two once instead of per term. Coefficients are walked in
 * chunks that keep the three output runs in L1 while every term passes over them. The result equals,
 * residue for residue, the sum of {@link Evaluator#multiplyAccumulate(Ciphertext, PreparedCiphertext, Ciphertext)}
 * calls. A limb whose prepared operands carry the SIMD kernel's ratios (primes below 2^50, where
 * {@link SimdSupport} enables it) runs in SIMD lanes instead ({@link SimdInnerProduct}: the same residues). Holds scratch arrays: one per evaluator, not thread-safe.
 */
final class PreparedInnerProduct {

    /** Coefficients per chunk: 3 outputs x 512 x 8 bytes = 12 KB stay in L1. */
    private static final int CHUNK = 512;

    private final CkksParameters params;
    private double[][] w0 = new double[0][];
    private double[][] w1 = new double[0][];
    private double[][] wSum = new double[0][];
    private long[][] x0 = new long[0][];
    private long[][] x1 = new long[0][];
    private long[][] y0 = new long[0][];
    private long[][] y0s = new long[0][];
    private long[][] y1 = new long[0][];
    private long[][] y1s = new long[0][];
    private long[][] ySum = new long[0][];
    private long[][] ySums = new long[0][];

    PreparedInnerProduct(CkksParameters params) {
        this.params = params;
    }

    /** out2 = sum_{j &lt; count} a[j] * b[j] at {@code level}; operands were checked by the caller. */
    void compute(Ciphertext[] a, PreparedCiphertext[] b, int count, int level, Ciphertext out2) {
        ensureCapacity(count);
        int n = params.ringDegree();
        for (int i = 0; i <= level; i++) {
            for (int j = 0; j < count; j++) {
                x0[j] = a[j].poly(0).limb(i);
                x1[j] = a[j].poly(1).limb(i);
                y0[j] = b[j].value(0).limb(i);
                y0s[j] = b[j].shoup(0).limb(i);
                y1[j] = b[j].value(1).limb(i);
                y1s[j] = b[j].shoup(1).limb(i);
                ySum[j] = b[j].value(2).limb(i);
                ySums[j] = b[j].shoup(2).limb(i);
            }
            Modulus m = params.ring().modulus(i);
            long[] d0 = out2.poly(0).limb(i);
            long[] d1 = out2.poly(1).limb(i);
            long[] d2 = out2.poly(2).limb(i);
            if (collectRatios(b, count, i)) { // the operands were prepared for the SIMD kernel
                SimdInnerProduct.compute(x0, x1, y0, y1, ySum, w0, w1, wSum, count, m.value(), d0, d1, d2);
                continue;
            }
            for (int from = 0; from < n; from += CHUNK) {
                int to = Math.min(n, from + CHUNK);
                java.util.Arrays.fill(d0, from, to, 0L);
                java.util.Arrays.fill(d1, from, to, 0L);
                java.util.Arrays.fill(d2, from, to, 0L);
                int j = 0;
                for (; j + 3 < count; j += 4) {
                    addQuad(j, from, to, d0, d1, d2, m.value());
                }
                if (j + 1 < count) {
                    addPair(j, from, to, d0, d1, d2, m.value());
                    j += 2;
                }
                if (j < count) {
                    addOne(j, from, to, d0, d1, d2, m.value());
                }
                for (int c = from; c < to; c++) { // d_1 held sum (a_0 + a_1)(b_0 + b_1): subtract the others once
                    long r0 = m.reduceFrom4q(d0[c]);
                    long r2 = m.reduceFrom4q(d2[c]);
                    d0[c] = r0;
                    d1[c] = m.sub(m.reduceFrom4q(d1[c]), m.add(r0, r2));
                    d2[c] = r2;
                }
            }
        }
    }

    // d (each in [0, 4q)) += terms j .. j + 3, two at a time with one conditional subtraction each, back in [0, 4q).
    private void addQuad(int j, int from, int to, long[] d0, long[] d1, long[] d2, long q) {
        final long fourQ = 4 * q;
        final long[] a00 = x0[j + 0];
        final long[] a10 = x1[j + 0];
        final long[] b00 = y0[j + 0];
        final long[] b0s0 = y0s[j + 0];
        final long[] b10 = y1[j + 0];
        final long[] b1s0 = y1s[j + 0];
        final long[] bs0 = ySum[j + 0];
        final long[] bss0 = ySums[j + 0];
        final long[] a01 = x0[j + 1];
        final long[] a11 = x1[j + 1];
        final long[] b01 = y0[j + 1];
        final long[] b0s1 = y0s[j + 1];
        final long[] b11 = y1[j + 1];
        final long[] b1s1 = y1s[j + 1];
        final long[] bs1 = ySum[j + 1];
        final long[] bss1 = ySums[j + 1];
        final long[] a02 = x0[j + 2];
        final long[] a12 = x1[j + 2];
        final long[] b02 = y0[j + 2];
        final long[] b0s2 = y0s[j + 2];
        final long[] b12 = y1[j + 2];
        final long[] b1s2 = y1s[j + 2];
        final long[] bs2 = ySum[j + 2];
        final long[] bss2 = ySums[j + 2];
        final long[] a03 = x0[j + 3];
        final long[] a13 = x1[j + 3];
        final long[] b03 = y0[j + 3];
        final long[] b0s3 = y0s[j + 3];
        final long[] b13 = y1[j + 3];
        final long[] b1s3 = y1s[j + 3];
        final long[] bs3 = ySum[j + 3];
        final long[] bss3 = ySums[j + 3];
        for (int c = from; c < to; c++) {
            long u00 = a00[c];
            long u10 = a10[c];
            long su0 = u00 + u10;
            long t00 = u00 * b00[c] - Math.multiplyHigh(u00 << 1, b0s0[c]) * q;
            long t20 = u10 * b10[c] - Math.multiplyHigh(u10 << 1, b1s0[c]) * q;
            long t10 = su0 * bs0[c] - Math.multiplyHigh(su0 << 1, bss0[c]) * q;
            long u01 = a01[c];
            long u11 = a11[c];
            long su1 = u01 + u11;
            long t01 = u01 * b01[c] - Math.multiplyHigh(u01 << 1, b0s1[c]) * q;
            long t21 = u11 * b11[c] - Math.multiplyHigh(u11 << 1, b1s1[c]) * q;
            long t11 = su1 * bs1[c] - Math.multiplyHigh(su1 << 1, bss1[c]) * q;
            long u02 = a02[c];
            long u12 = a12[c];
            long su2 = u02 + u12;
            long t02 = u02 * b02[c] - Math.multiplyHigh(u02 << 1, b0s2[c]) * q;
            long t22 = u12 * b12[c] - Math.multiplyHigh(u12 << 1, b1s2[c]) * q;
            long t12 = su2 * bs2[c] - Math.multiplyHigh(su2 << 1, bss2[c]) * q;
            long u03 = a03[c];
            long u13 = a13[c];
            long su3 = u03 + u13;
            long t03 = u03 * b03[c] - Math.multiplyHigh(u03 << 1, b0s3[c]) * q;
            long t23 = u13 * b13[c] - Math.multiplyHigh(u13 << 1, b1s3[c]) * q;
            long t13 = su3 * bs3[c] - Math.multiplyHigh(su3 << 1, bss3[c]) * q;
            long s0 = d0[c] + t00 + t01 - fourQ;
            s0 += (s0 >> 63) & fourQ;
            s0 += t02 + t03 - fourQ;
            d0[c] = s0 + ((s0 >> 63) & fourQ);
            long s2 = d2[c] + t20 + t21 - fourQ;
            s2 += (s2 >> 63) & fourQ;
            s2 += t22 + t23 - fourQ;
            d2[c] = s2 + ((s2 >> 63) & fourQ);
            long s1 = d1[c] + t10 + t11 - fourQ;
            s1 += (s1 >> 63) & fourQ;
            s1 += t12 + t13 - fourQ;
            d1[c] = s1 + ((s1 >> 63) & fourQ);
        }
    }

    // d (each in [0, 4q)) += terms j and j + 1 (d_1: the Karatsuba sum product alone), back in [0, 4q).
    private void addPair(int j, int from, int to, long[] d0, long[] d1, long[] d2, long q) {
        final long fourQ = 4 * q;
        final long[] a0 = x0[j];
        final long[] a1 = x1[j];
        final long[] b0 = y0[j];
        final long[] b0s = y0s[j];
        final long[] b1 = y1[j];
        final long[] b1s = y1s[j];
        final long[] bs = ySum[j];
        final long[] bss = ySums[j];
        final long[] c0 = x0[j + 1];
        final long[] c1 = x1[j + 1];
        final long[] e0 = y0[j + 1];
        final long[] e0s = y0s[j + 1];
        final long[] e1 = y1[j + 1];
        final long[] e1s = y1s[j + 1];
        final long[] es = ySum[j + 1];
        final long[] ess = ySums[j + 1];
        for (int c = from; c < to; c++) {
            long u0 = a0[c];
            long u1 = a1[c];
            long su = u0 + u1;
            long t0 = u0 * b0[c] - Math.multiplyHigh(u0 << 1, b0s[c]) * q;
            long t2 = u1 * b1[c] - Math.multiplyHigh(u1 << 1, b1s[c]) * q;
            long t1 = su * bs[c] - Math.multiplyHigh(su << 1, bss[c]) * q;
            long v0 = c0[c];
            long v1 = c1[c];
            long sv = v0 + v1;
            long r0 = v0 * e0[c] - Math.multiplyHigh(v0 << 1, e0s[c]) * q;
            long r2 = v1 * e1[c] - Math.multiplyHigh(v1 << 1, e1s[c]) * q;
            long r1 = sv * es[c] - Math.multiplyHigh(sv << 1, ess[c]) * q;
            long s0 = d0[c] + t0 + r0 - fourQ; // [-4q, 4q)
            d0[c] = s0 + ((s0 >> 63) & fourQ);
            long s2 = d2[c] + t2 + r2 - fourQ;
            d2[c] = s2 + ((s2 >> 63) & fourQ);
            long s1 = d1[c] + t1 + r1 - fourQ;
            d1[c] = s1 + ((s1 >> 63) & fourQ);
        }
    }

    // d (each in [0, 4q)) += term j, back in [0, 4q).
    private void addOne(int j, int from, int to, long[] d0, long[] d1, long[] d2, long q) {
        final long fourQ = 4 * q;
        final long[] a0 = x0[j];
        final long[] a1 = x1[j];
        final long[] b0 = y0[j];
        final long[] b0s = y0s[j];
        final long[] b1 = y1[j];
        final long[] b1s = y1s[j];
        final long[] bs = ySum[j];
        final long[] bss = ySums[j];
        for (int c = from; c < to; c++) {
            long u0 = a0[c];
            long u1 = a1[c];
            long su = u0 + u1;
            long t0 = u0 * b0[c] - Math.multiplyHigh(u0 << 1, b0s[c]) * q;
            long t2 = u1 * b1[c] - Math.multiplyHigh(u1 << 1, b1s[c]) * q;
            long t1 = su * bs[c] - Math.multiplyHigh(su << 1, bss[c]) * q;
            long s0 = d0[c] + t0 - fourQ; // [-4q, 2q)
            d0[c] = s0 + ((s0 >> 63) & fourQ);
            long s2 = d2[c] + t2 - fourQ;
            d2[c] = s2 + ((s2 >> 63) & fourQ);
            long s1 = d1[c] + t1 - fourQ;
            d1[c] = s1 + ((s1 >> 63) & fourQ);
        }
    }

    // Points w0, w1, wSum at limb i's ratios of every term; false if a term was prepared without them.
    private boolean collectRatios(PreparedCiphertext[] b, int count, int i) {
        for (int j = 0; j < count; j++) {
            w0[j] = b[j].ratios(0, i);
            w1[j] = b[j].ratios(1, i);
            wSum[j] = b[j].ratios(2, i);
            if (w0[j] == null) {
                return false;
            }
        }
        return true;
    }

    private void ensureCapacity(int count) {
        if (x0.length < count) {
            w0 = new double[count][];
            w1 = new double[count][];
            wSum = new double[count][];
            x0 = new long[count][];
            x1 = new long[count][];
            y0 = new long[count][];
            y0s = new long[count][];
            y1 = new long[count][];
            y1s = new long[count][];
            ySum = new long[count][];
            ySums = new long[count][];
        }
    }
}
