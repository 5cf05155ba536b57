package org.hersj.fhe.ring;

import org.hersj.fhe.arith.Modulus;
import org.hersj.fhe.arith.NttPrimes;

/**
 * Negacyclic number-theoretic transform over Z_q[X]/(X^N + 1) for one prime q = 1 (mod 2N).
 *
 * <p>The forward transform is a Cooley-Tukey network and the inverse a Gentleman-Sande network (two stages
 * per pass over the limb where the degree allows, so each value is loaded and stored half as often), both with
 * powers of a primitive 2N-th root psi in bit-reversed order and their Shoup quotients precomputed; the
 * butterflies keep values lazily in [0, 4q) (forward) or [0, 2q) (inverse) and reduce once at the end. The
 * output of {@link #forward} in slot i is the evaluation of the input at psi^(2 bitrev(i) + 1). Inputs
 * must be in [0, q) (forward) or [0, 2q) (inverse); outputs are in [0, q). Requires q &lt; 2^60 so that
 * 4q-bounded values stay valid Shoup operands. Immutable and thread-safe.
 */
public final class NttTables {
    private final Modulus modulus;
    private final int n;
    private final long psi;
    private final long[] rootPowers;
    private final long[] rootPowersShoup;
    private final long[] inverseRootPowers;
    private final long[] inverseRootPowersShoup;
    private final long nInverse;
    private final long nInverseShoup;
    private final long lastRootTimesNInverse;
    private final long lastRootTimesNInverseShoup;

    /**
     * Precomputes the tables for ring degree 2^logN.
     *
     * @param modulus a prime = 1 (mod 2^(logN+1))
     * @param logN log2 of the ring degree
     */
    public NttTables(Modulus modulus, int logN) {
        if (logN < 2) {
            throw new IllegalArgumentException("NTT needs N >= 4, got 2^" + logN);
        }
        this.modulus = modulus;
        this.n = 1 << logN;
        this.psi = NttPrimes.primitiveRoot(modulus, 2L * n);
        long psiInverse = modulus.inverse(psi);
        rootPowers = new long[n];
        rootPowersShoup = new long[n];
        inverseRootPowers = new long[n];
        inverseRootPowersShoup = new long[n];
        long power = 1;
        long inversePower = 1;
        for (int i = 0; i < n; i++) {
            int r = Integer.reverse(i) >>> (32 - logN);
            rootPowers[r] = power;
            inverseRootPowers[r] = inversePower;
            power = modulus.mul(power, psi);
            inversePower = modulus.mul(inversePower, psiInverse);
        }
        for (int i = 0; i < n; i++) {
            rootPowersShoup[i] = modulus.shoup(rootPowers[i]);
            inverseRootPowersShoup[i] = modulus.shoup(inverseRootPowers[i]);
        }
        nInverse = modulus.inverse(n);
        nInverseShoup = modulus.shoup(nInverse);
        lastRootTimesNInverse = modulus.mul(inverseRootPowers[1], nInverse);
        lastRootTimesNInverseShoup = modulus.shoup(lastRootTimesNInverse);
    }

    /** @return the modulus of this transform */
    public Modulus modulus() {
        return modulus;
    }

    /** @return the primitive 2N-th root of unity used */
    public long psi() {
        return psi;
    }

    /** @return the ring degree N */
    public int degree() {
        return n;
    }

    /**
     * In-place forward negacyclic NTT of one limb. The last stage (adjacent pairs) is unrolled and also
     * performs the final reduction, saving a pass.
     *
     * @param a N coefficients in [0, q), replaced by the N evaluations in [0, q)
     */
    public void forward(long[] a) {
        final long q = modulus.value();
        final long twoQ = 2 * q;
        final long[] roots = rootPowers;
        final long[] shoups = rootPowersShoup;
        int t = n >> 1;
        int m = 1;
        for (; t >= 8; m <<= 2, t >>= 2) {
            forwardTwoStages(a, m, t, q, twoQ);
        }
        for (; t > 2; m <<= 1, t >>= 1) {
            for (int i = 0; i < m; i++) {
                final int j1 = 2 * i * t;
                final int j2 = j1 + t;
                final long w = roots[m + i];
                final long ws = shoups[m + i];
                for (int j = j1; j < j2; j++) {
                    long x = a[j];
                    x = reduceOnce(x, twoQ);
                    long y = a[j + t];
                    long product = y * w - Math.multiplyHigh(y << 1, ws) * q;
                    a[j] = x + product;
                    a[j + t] = x - product + twoQ;
                }
            }
        }
        if (t == 2) {
            for (int i = 0; i < m; i++) {
                final int j = 4 * i;
                final long w = roots[m + i];
                final long ws = shoups[m + i];
                long x0 = a[j];
                long x1 = a[j + 1];
                x0 = reduceOnce(x0, twoQ);
                x1 = reduceOnce(x1, twoQ);
                long y0 = a[j + 2];
                long y1 = a[j + 3];
                long p0 = y0 * w - Math.multiplyHigh(y0 << 1, ws) * q;
                long p1 = y1 * w - Math.multiplyHigh(y1 << 1, ws) * q;
                a[j] = x0 + p0;
                a[j + 1] = x1 + p1;
                a[j + 2] = x0 - p0 + twoQ;
                a[j + 3] = x1 - p1 + twoQ;
            }
            m <<= 1;
        }
        for (int i = 0; i < m; i++) {
            final int j = 2 * i;
            final long w = roots[m + i];
            final long ws = shoups[m + i];
            long x = a[j];
            x = reduceOnce(x, twoQ);
            long y = a[j + 1];
            long product = y * w - Math.multiplyHigh(y << 1, ws) * q;
            long u = x + product;
            long v = x - product + twoQ;
            u = reduceOnce(u, twoQ);
            v = reduceOnce(v, twoQ);
            a[j] = reduceOnce(u, q);
            a[j + 1] = reduceOnce(v, q);
        }
    }

    // Stages (m, t) and (2m, t/2) in one pass: four values per step, each read and written once.
    private void forwardTwoStages(long[] a, int m, int t, long q, long twoQ) {
        final long[] roots = rootPowers;
        final long[] shoups = rootPowersShoup;
        final int h = t >> 1;
        for (int i = 0; i < m; i++) {
            final int j1 = 2 * i * t;
            final long w = roots[m + i];
            final long ws = shoups[m + i];
            final long w1 = roots[2 * m + 2 * i];
            final long w1s = shoups[2 * m + 2 * i];
            final long w2 = roots[2 * m + 2 * i + 1];
            final long w2s = shoups[2 * m + 2 * i + 1];
            for (int j = j1; j < j1 + h; j++) {
                long x0 = reduceOnce(a[j], twoQ);
                long x1 = reduceOnce(a[j + h], twoQ);
                long y2 = a[j + t];
                long y3 = a[j + t + h];
                long p2 = y2 * w - Math.multiplyHigh(y2 << 1, ws) * q;
                long p3 = y3 * w - Math.multiplyHigh(y3 << 1, ws) * q;
                long u0 = reduceOnce(x0 + p2, twoQ);
                long u2 = reduceOnce(x0 - p2 + twoQ, twoQ);
                long u1 = x1 + p3;
                long u3 = x1 - p3 + twoQ;
                long r1 = u1 * w1 - Math.multiplyHigh(u1 << 1, w1s) * q;
                long r3 = u3 * w2 - Math.multiplyHigh(u3 << 1, w2s) * q;
                a[j] = u0 + r1;
                a[j + h] = u0 - r1 + twoQ;
                a[j + t] = u2 + r3;
                a[j + t + h] = u2 - r3 + twoQ;
            }
        }
    }

    /**
     * In-place inverse negacyclic NTT of one limb, including the factor 1/N, which is folded into the last
     * stage.
     *
     * @param a N evaluations in [0, 2q), replaced by the N coefficients in [0, q)
     */
    public void inverse(long[] a) {
        final long q = modulus.value();
        final long twoQ = 2 * q;
        final long[] roots = inverseRootPowers;
        final long[] shoups = inverseRootPowersShoup;
        int t = 1;
        int m = n >> 1;
        for (int i = 0; i < m; i++) {
            final int j = 2 * i;
            final long w = roots[m + i];
            final long ws = shoups[m + i];
            long x = a[j];
            long y = a[j + 1];
            long sum = x + y;
            a[j] = reduceOnce(sum, twoQ);
            long difference = x - y + twoQ;
            a[j + 1] = difference * w - Math.multiplyHigh(difference << 1, ws) * q;
        }
        m >>= 1;
        t <<= 1;
        for (; m >= 4; m >>= 2, t <<= 2) {
            inverseTwoStages(a, m, t, q, twoQ);
        }
        for (; m > 1; m >>= 1, t <<= 1) {
            int j1 = 0;
            for (int i = 0; i < m; i++, j1 += 2 * t) {
                final int j2 = j1 + t;
                final long w = roots[m + i];
                final long ws = shoups[m + i];
                for (int j = j1; j < j2; j++) {
                    long x = a[j];
                    long y = a[j + t];
                    long sum = x + y;
                    a[j] = reduceOnce(sum, twoQ);
                    long difference = x - y + twoQ;
                    a[j + t] = difference * w - Math.multiplyHigh(difference << 1, ws) * q;
                }
            }
        }
        final long scale = nInverse;
        final long scaleShoup = nInverseShoup;
        final long w = lastRootTimesNInverse;
        final long ws = lastRootTimesNInverseShoup;
        for (int j = 0; j < t; j++) {
            long x = a[j];
            long y = a[j + t];
            long sum = x + y;
            long difference = x - y + twoQ;
            long u = sum * scale - Math.multiplyHigh(sum << 1, scaleShoup) * q;
            long v = difference * w - Math.multiplyHigh(difference << 1, ws) * q;
            a[j] = reduceOnce(u, q);
            a[j + t] = reduceOnce(v, q);
        }
    }

    // Stages (m, t) and (m/2, 2t) in one pass (Gentleman-Sande): four values per step.
    private void inverseTwoStages(long[] a, int m, int t, long q, long twoQ) {
        final long[] roots = inverseRootPowers;
        final long[] shoups = inverseRootPowersShoup;
        for (int k = 0; k < m / 2; k++) {
            final int j1 = 4 * t * k;
            final long w0 = roots[m + 2 * k];
            final long w0s = shoups[m + 2 * k];
            final long w1 = roots[m + 2 * k + 1];
            final long w1s = shoups[m + 2 * k + 1];
            final long w = roots[m / 2 + k];
            final long ws = shoups[m / 2 + k];
            for (int j = j1; j < j1 + t; j++) {
                long xa = a[j];
                long xb = a[j + t];
                long xc = a[j + 2 * t];
                long xd = a[j + 3 * t];
                long sab = reduceOnce(xa + xb, twoQ);
                long dab = xa - xb + twoQ;
                dab = dab * w0 - Math.multiplyHigh(dab << 1, w0s) * q;
                long scd = reduceOnce(xc + xd, twoQ);
                long dcd = xc - xd + twoQ;
                dcd = dcd * w1 - Math.multiplyHigh(dcd << 1, w1s) * q;
                a[j] = reduceOnce(sab + scd, twoQ);
                long e = sab - scd + twoQ;
                a[j + 2 * t] = e * w - Math.multiplyHigh(e << 1, ws) * q;
                a[j + t] = reduceOnce(dab + dcd, twoQ);
                long f = dab - dcd + twoQ;
                a[j + 3 * t] = f * w - Math.multiplyHigh(f << 1, ws) * q;
            }
        }
    }

    // x - bound if x >= bound, else x; branch-free because residues are random.
    private static long reduceOnce(long x, long bound) {
        long r = x - bound;
        return r + ((r >> 63) & bound);
    }
}
