package org.hersj.fhe.ckks;

import org.hersj.fhe.arith.Modulus;

/**
 * The limb kernels of the ciphertext product (a_0 + a_1 Y)(b_0 + b_1 Y) = d_0 + d_1 Y + d_2 Y^2 in NTT form.
 * Karatsuba: d_1 = (a_0 + a_1)(b_0 + b_1) - a_0 b_0 - a_1 b_1, computed exactly in 128 bits (three products
 * instead of four), then one Barrett reduction per output; the accumulating form adds the previous
 * residue (&lt; q) to the lazily reduced product (&lt; 3q) and finishes with two conditional subtractions,
 * so accumulation costs no more reductions than a plain product. Allocation-free; outputs may alias inputs.
 */
final class TensorKernels {
    private TensorKernels() {
    }

    /** d = a * b for one limb. */
    static void tensor(long[] a0, long[] a1, long[] b0, long[] b1, long[] d0, long[] d1, long[] d2, Modulus m) {
        for (int c = 0; c < d0.length; c++) {
            long x0 = a0[c];
            long x1 = a1[c];
            long y0 = b0[c];
            long y1 = b1[c];
            long sx = x0 + x1;
            long sy = y0 + y1;
            long lo0 = x0 * y0;
            long hi0 = Math.multiplyHigh(x0, y0);
            long lo2 = x1 * y1;
            long hi2 = Math.multiplyHigh(x1, y1);
            long lo1 = sx * sy;
            long t = lo1 - lo0;
            long mid = t - lo2;
            long hi1 = Math.multiplyHigh(sx, sy) - hi0 - hi2 - borrow(lo1, lo0, t) - borrow(t, lo2, mid);
            d0[c] = m.reduce128(hi0, lo0);
            d1[c] = m.reduce128(hi1, mid);
            d2[c] = m.reduce128(hi2, lo2);
        }
    }

    /** d += a * b for one limb (fused, one reduction per output). */
    static void tensorAccumulate(long[] a0, long[] a1, long[] b0, long[] b1, long[] d0, long[] d1, long[] d2,
            Modulus m) {
        for (int c = 0; c < d0.length; c++) {
            long x0 = a0[c];
            long x1 = a1[c];
            long y0 = b0[c];
            long y1 = b1[c];
            long sx = x0 + x1;
            long sy = y0 + y1;
            long lo0 = x0 * y0;
            long hi0 = Math.multiplyHigh(x0, y0);
            long lo2 = x1 * y1;
            long hi2 = Math.multiplyHigh(x1, y1);
            long lo1 = sx * sy;
            long t = lo1 - lo0;
            long mid = t - lo2;
            long hi1 = Math.multiplyHigh(sx, sy) - hi0 - hi2 - borrow(lo1, lo0, t) - borrow(t, lo2, mid);
            // the accumulator (< q) joins after the quotient estimate: lazy [0, 3q) + acc < 4q
            d0[c] = m.reduceFrom4q(m.reduce128Lazy(hi0, lo0) + d0[c]);
            d1[c] = m.reduceFrom4q(m.reduce128Lazy(hi1, mid) + d1[c]);
            d2[c] = m.reduceFrom4q(m.reduce128Lazy(hi2, lo2) + d2[c]);
        }
    }

    /**
     * d += a * b for one limb, b prepared (b_0, b_1, b_0 + b_1 with Shoup quotients): three lazy Shoup
     * products in [0, 2q), the middle term acc + t_1 - t_0 - t_2 lifted into [0, 4q), and branch-free final
     * corrections.
     */
    static void tensorAccumulatePrepared(long[] a0, long[] a1, long[] b0, long[] b0s, long[] b1, long[] b1s,
            long[] bSum, long[] bSums, long[] d0, long[] d1, long[] d2, Modulus m) {
        final long q = m.value();
        final long fourQ = 4 * q;
        for (int c = 0; c < d0.length; c++) {
            long x0 = a0[c];
            long x1 = a1[c];
            long sx = x0 + x1;
            long t0 = x0 * b0[c] - Math.multiplyHigh(x0 << 1, b0s[c]) * q;
            long t2 = x1 * b1[c] - Math.multiplyHigh(x1 << 1, b1s[c]) * q;
            long t1 = sx * bSum[c] - Math.multiplyHigh(sx << 1, bSums[c]) * q;
            d0[c] = m.reduceFrom4q(d0[c] + t0);
            d2[c] = m.reduceFrom4q(d2[c] + t2);
            long mid = d1[c] + t1 - t0 - t2; // in (-4q, 3q)
            mid += (mid >> 63) & fourQ;
            d1[c] = m.reduceFrom4q(mid);
        }
    }

    // Borrow out of the 64-bit subtraction d = x - y, branch-free (residues are random: no predictable branch).
    private static long borrow(long x, long y, long d) {
        return ((~x & y) | (~(x ^ y) & d)) >>> 63;
    }
}
