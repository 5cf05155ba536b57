package org.hersj.fhe.ckks;

import org.hersj.fhe.arith.Modulus;

/**
 * The limb kernels of the ciphertext product (a_0 + a_1 Y)(b_0 + b_1 Y) = d_0 + d_1 Y + d_2 Y^2 in NTT form.
 * Karatsuba: d_1 = (a_0 + a_1)(b_0 + b_1) - a_0 b_0 - a_1 b_1, computed exactly in 128 bits (three products
 * instead of four), then one Barrett reduction per output; the accumulating form adds the previous
 * residue inside the same 128-bit value before that single reduction (x &lt; 2q^2 + q, within
 * {@link Modulus#reduce128}'s range). Allocation-free; outputs may alias inputs.
 */
final class TensorKernels {
    private TensorKernels() {
    }

    /** d = a * b for one limb. */
    static void tensor(long[] a0, long[] a1, long[] b0, long[] b1, long[] d0, long[] d1, long[] d2, Modulus m) {
        product(a0, a1, b0, b1, d0, d1, d2, m, false);
    }

    /** d += a * b for one limb (fused, one reduction per output). */
    static void tensorAccumulate(long[] a0, long[] a1, long[] b0, long[] b1, long[] d0, long[] d1, long[] d2,
            Modulus m) {
        product(a0, a1, b0, b1, d0, d1, d2, m, true);
    }

    // The loop-invariant flag is hoisted by the JIT (loop unswitching), so both forms run branch-free.
    private static void product(long[] a0, long[] a1, long[] b0, long[] b1, long[] d0, long[] d1, long[] d2,
            Modulus m, boolean accumulate) {
        for (int c = 0; c < d0.length; c++) {
            long x0 = a0[c];
            long x1 = a1[c];
            long y0 = b0[c];
            long y1 = b1[c];
            long lo0 = x0 * y0;
            long hi0 = Math.multiplyHigh(x0, y0);
            long lo2 = x1 * y1;
            long hi2 = Math.multiplyHigh(x1, y1);
            long sx = x0 + x1;
            long sy = y0 + y1;
            long lo1 = sx * sy;
            long hi1 = Math.multiplyHigh(sx, sy);
            // middle = p1 - p0 - p2 = x0 y1 + x1 y0 (exact, non-negative, < 2q^2)
            long t = lo1 - lo0;
            hi1 = hi1 - hi0 - (Long.compareUnsigned(lo1, lo0) < 0 ? 1 : 0);
            long lo1m = t - lo2;
            hi1 = hi1 - hi2 - (Long.compareUnsigned(t, lo2) < 0 ? 1 : 0);
            if (accumulate) {
                long s0 = lo0 + d0[c];
                hi0 += Long.compareUnsigned(s0, lo0) < 0 ? 1 : 0;
                lo0 = s0;
                long s1 = lo1m + d1[c];
                hi1 += Long.compareUnsigned(s1, lo1m) < 0 ? 1 : 0;
                lo1m = s1;
                long s2 = lo2 + d2[c];
                hi2 += Long.compareUnsigned(s2, lo2) < 0 ? 1 : 0;
                lo2 = s2;
            }
            d0[c] = m.reduce128(hi0, lo0);
            d1[c] = m.reduce128(hi1, lo1m);
            d2[c] = m.reduce128(hi2, lo2);
        }
    }
}
