package org.hersj.fhe.ring;

import org.hersj.fhe.arith.Modulus;

/**
 * Element-wise modular arithmetic on one limb (N residues in [0, q)); the output may alias an input.
 * Works the same on coefficients and on NTT evaluations (multiplication only on the latter).
 */
public final class LimbArithmetic {
    private LimbArithmetic() {
    }

    /** out = a + b mod q. */
    public static void add(long[] a, long[] b, long[] out, Modulus m) {
        final long q = m.value();
        for (int i = 0; i < out.length; i++) {
            long s = a[i] + b[i];
            out[i] = s >= q ? s - q : s;
        }
    }

    /** out = a - b mod q. */
    public static void sub(long[] a, long[] b, long[] out, Modulus m) {
        final long q = m.value();
        for (int i = 0; i < out.length; i++) {
            long d = a[i] - b[i];
            out[i] = d < 0 ? d + q : d;
        }
    }

    /** out = -a mod q. */
    public static void negate(long[] a, long[] out, Modulus m) {
        final long q = m.value();
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] == 0 ? 0 : q - a[i];
        }
    }

    /** out = a * b mod q (Barrett, both operands varying). */
    public static void mul(long[] a, long[] b, long[] out, Modulus m) {
        for (int i = 0; i < out.length; i++) {
            long x = a[i];
            long y = b[i];
            out[i] = m.reduce128(Math.multiplyHigh(x, y), x * y);
        }
    }

    /** out = acc + a * b mod q, with one fused reduction per element. */
    public static void mulAdd(long[] a, long[] b, long[] acc, long[] out, Modulus m) {
        for (int i = 0; i < out.length; i++) {
            long x = a[i];
            long y = b[i];
            long lo = x * y;
            long hi = Math.multiplyHigh(x, y);
            long sum = lo + acc[i];
            hi += Long.compareUnsigned(sum, lo) < 0 ? 1 : 0;
            out[i] = m.reduce128(hi, sum);
        }
    }

    /** out = a * w mod q for a scalar w with Shoup quotient ws = m.shoup(w). */
    public static void mulScalar(long[] a, long w, long ws, long[] out, Modulus m) {
        for (int i = 0; i < out.length; i++) {
            out[i] = m.mulShoup(a[i], w, ws);
        }
    }

    /**
     * Writes small signed integers (noise, ternary secrets) as residues mod q.
     *
     * @param small values with |v| &lt; q
     * @param out destination limb
     * @param m modulus
     */
    public static void fromSigned(long[] small, long[] out, Modulus m) {
        final long q = m.value();
        for (int i = 0; i < out.length; i++) {
            long v = small[i];
            out[i] = v < 0 ? v + q : v;
        }
    }
}
