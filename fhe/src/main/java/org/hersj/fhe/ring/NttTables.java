package org.hersj.fhe.ring;

import org.hersj.fhe.arith.Modulus;
import org.hersj.fhe.arith.NttPrimes;

/**
 * Negacyclic number-theoretic transform over Z_q[X]/(X^N + 1) for one prime q = 1 (mod 2N).
 *
 * <p>The forward transform is a Cooley-Tukey network and the inverse a Gentleman-Sande network, both with
 * powers of a primitive 2N-th root psi in bit-reversed order and their Shoup quotients precomputed; the
 * butterflies keep values lazily in [0, 4q) (forward) or [0, 2q) (inverse) and reduce once at the end. The
 * output of {@link #forward} in slot i is the evaluation of the input at psi^(2 bitrev(i) + 1). Inputs
 * must be in [0, q); outputs are in [0, q). Immutable and thread-safe.
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

    /**
     * Precomputes the tables for ring degree 2^logN.
     *
     * @param modulus a prime = 1 (mod 2^(logN+1))
     * @param logN log2 of the ring degree
     */
    public NttTables(Modulus modulus, int logN) {
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
            if (logN == 0) {
                r = 0;
            }
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
     * In-place forward negacyclic NTT of one limb.
     *
     * @param a N coefficients in [0, q), replaced by the N evaluations in [0, q)
     */
    public void forward(long[] a) {
        final long q = modulus.value();
        final long twoQ = 2 * q;
        int t = n;
        for (int m = 1; m < n; m <<= 1) {
            t >>= 1;
            for (int i = 0; i < m; i++) {
                final int j1 = 2 * i * t;
                final int j2 = j1 + t;
                final long w = rootPowers[m + i];
                final long ws = rootPowersShoup[m + i];
                for (int j = j1; j < j2; j++) {
                    long x = a[j];
                    x = x >= twoQ ? x - twoQ : x;
                    long y = a[j + t];
                    long estimate = Math.multiplyHigh(y, ws) + ((ws >> 63) & y);
                    long product = y * w - estimate * q;
                    a[j] = x + product;
                    a[j + t] = x - product + twoQ;
                }
            }
        }
        for (int j = 0; j < n; j++) {
            long x = a[j];
            x = x >= twoQ ? x - twoQ : x;
            a[j] = x >= q ? x - q : x;
        }
    }

    /**
     * In-place inverse negacyclic NTT of one limb (including the factor 1/N).
     *
     * @param a N evaluations in [0, q), replaced by the N coefficients in [0, q)
     */
    public void inverse(long[] a) {
        final long q = modulus.value();
        final long twoQ = 2 * q;
        int t = 1;
        for (int m = n >> 1; m >= 1; m >>= 1) {
            int j1 = 0;
            for (int i = 0; i < m; i++) {
                final int j2 = j1 + t;
                final long w = inverseRootPowers[m + i];
                final long ws = inverseRootPowersShoup[m + i];
                for (int j = j1; j < j2; j++) {
                    long x = a[j];
                    long y = a[j + t];
                    long sum = x + y;
                    a[j] = sum >= twoQ ? sum - twoQ : sum;
                    long difference = x - y + twoQ;
                    long estimate = Math.multiplyHigh(difference, ws) + ((ws >> 63) & difference);
                    a[j + t] = difference * w - estimate * q;
                }
                j1 += 2 * t;
            }
            t <<= 1;
        }
        for (int j = 0; j < n; j++) {
            a[j] = modulus.mulShoup(a[j], nInverse, nInverseShoup);
        }
    }
}
