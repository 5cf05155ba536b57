package org.hersj.fhe.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import java.util.Set;
import org.hersj.fhe.arith.NttPrimes;
import org.junit.jupiter.api.Test;

class AutomorphismTest {
    @Test
    void slotPermutationEqualsCoefficientAutomorphism() {
        int logN = 6;
        int n = 1 << logN;
        long q = NttPrimes.generate(40, 1, 2L * n, Set.of()).get(0);
        RnsRing ring = new RnsRing(logN, new long[] {q});
        Random random = new Random(1);
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = Math.floorMod(random.nextLong(), q);
        }
        for (long g : new long[] {5, 25, 2L * n - 1, 3}) {
            // X^i -> X^(i g mod 2N), with X^N = -1
            long[] expected = new long[n];
            for (int i = 0; i < n; i++) {
                long e = (i * g) % (2L * n);
                if (e < n) {
                    expected[(int) e] = a[i];
                } else {
                    expected[(int) (e - n)] = a[i] == 0 ? 0 : q - a[i];
                }
            }
            long[] f = a.clone();
            ring.ntt(0).forward(f);
            long[] out = new long[n];
            RnsRing.permute(f, ring.automorphismPermutation(g), out);
            ring.ntt(0).inverse(out);
            assertArrayEquals(expected, out, "g = " + g);
        }
    }
}
