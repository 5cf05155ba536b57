package org.hersj.fhe.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import java.util.Set;
import org.hersj.fhe.arith.Modulus;
import org.hersj.fhe.arith.NttPrimes;
import org.junit.jupiter.api.Test;

class NttTablesTest {
    private static final Random RANDOM = new Random(11);

    private static long[] randomLimb(int n, long q) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = Math.floorMod(RANDOM.nextLong(), q);
        }
        return a;
    }

    /** Schoolbook product in Z_q[X]/(X^N + 1) with BigInteger arithmetic. */
    private static long[] negacyclicReference(long[] a, long[] b, long q) {
        int n = a.length;
        BigInteger[] acc = new BigInteger[n];
        java.util.Arrays.fill(acc, BigInteger.ZERO);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                BigInteger p = BigInteger.valueOf(a[i]).multiply(BigInteger.valueOf(b[j]));
                int k = i + j;
                if (k >= n) {
                    acc[k - n] = acc[k - n].subtract(p);
                } else {
                    acc[k] = acc[k].add(p);
                }
            }
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = acc[i].mod(BigInteger.valueOf(q)).longValue();
        }
        return out;
    }

    @Test
    void pointwiseProductIsNegacyclicConvolution() {
        for (int bits : new int[] {60, 41, 20}) {
            int logN = 7;
            int n = 1 << logN;
            long q = NttPrimes.generate(bits, 1, 2L * n, Set.of()).get(0);
            Modulus m = new Modulus(q);
            NttTables ntt = new NttTables(m, logN);
            long[] a = randomLimb(n, q);
            long[] b = randomLimb(n, q);
            long[] expected = negacyclicReference(a, b, q);
            long[] fa = a.clone();
            long[] fb = b.clone();
            ntt.forward(fa);
            ntt.forward(fb);
            long[] prod = new long[n];
            LimbArithmetic.mul(fa, fb, prod, m);
            ntt.inverse(prod);
            assertArrayEquals(expected, prod, "q of " + bits + " bits");
        }
    }

    @Test
    void everyRingDegreeEvaluatesCorrectlyAndRoundTrips() {
        // two stages per pass: odd and even stage counts, and degrees too small for any double pass
        for (int logN = 2; logN <= 14; logN++) {
            int n = 1 << logN;
            long q = NttPrimes.generate(60, 1, 2L * n, Set.of()).get(0);
            Modulus m = new Modulus(q);
            NttTables ntt = new NttTables(m, logN);
            long[] a = randomLimb(n, q);
            a[n - 1] = q - 1;
            long[] f = a.clone();
            ntt.forward(f);
            for (int i : new int[] {0, 1, n / 2 - 1, n - 1}) {
                int r = Integer.reverse(i) >>> (32 - logN);
                long x = m.pow(ntt.psi(), 2L * r + 1);
                long value = 0;
                for (int k = n - 1; k >= 0; k--) {
                    value = m.add(m.mul(value, x), a[k]);
                }
                assertEquals(value, f[i], "N = 2^" + logN + ", slot " + i);
            }
            ntt.inverse(f);
            assertArrayEquals(a, f, "N = 2^" + logN);
        }
    }

    @Test
    void forwardEvaluatesAtOddPowersOfPsiAndInverseUndoesIt() {
        int logN = 12;
        int n = 1 << logN;
        long q = NttPrimes.generate(59, 1, 2L * n, Set.of()).get(0);
        Modulus m = new Modulus(q);
        NttTables ntt = new NttTables(m, logN);
        long[] a = randomLimb(n, q);
        a[0] = q - 1;
        long[] f = a.clone();
        ntt.forward(f);
        for (long value : f) {
            assertEquals(true, value >= 0 && value < q, "fully reduced output");
        }
        // slot i holds a(psi^(2 bitrev(i) + 1)); check a few slots by Horner evaluation
        for (int i : new int[] {0, 1, 7, n / 2, n - 1}) {
            int r = Integer.reverse(i) >>> (32 - logN);
            long x = m.pow(ntt.psi(), 2L * r + 1);
            long value = 0;
            for (int k = n - 1; k >= 0; k--) {
                value = m.add(m.mul(value, x), a[k]);
            }
            assertEquals(value, f[i], "evaluation in slot " + i);
        }
        ntt.inverse(f);
        assertArrayEquals(a, f);
    }
}
