package org.hersj.fhe.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SamplingTest {
    @Test
    void testStreamsAreReproducibleAndSecureStreamsDiffer() {
        assertEquals(RandomSource.seededForTestsOnly(3).nextLong(), RandomSource.seededForTestsOnly(3).nextLong());
        assertNotEquals(RandomSource.seededForTestsOnly(3).nextLong(), RandomSource.seededForTestsOnly(4).nextLong());
        assertNotEquals(RandomSource.secure().nextLong(), RandomSource.secure().nextLong());
        assertTrue(RandomSource.seededForTestsOnly(1).isDeterministic());
        assertTrue(!RandomSource.secure().isDeterministic());
        assertTrue(RandomSource.seededForTestsOnly(1).toString().contains("INSECURE"));
    }

    @Test
    void uniformBelowStaysInRangeAndCoversIt() {
        RandomSource r = RandomSource.seededForTestsOnly(9);
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++) {
            long v = r.uniformBelow(7);
            assertTrue(v >= 0 && v < 7);
            counts[(int) v]++;
        }
        for (int c : counts) {
            assertTrue(Math.abs(c - 10_000) < 500, "roughly uniform: " + c);
        }
    }

    @Test
    void bulkUniformBelowDrawsWhatRepeatedDrawsDo() {
        // 2^40 + 1 rejects about half the draws; 5,000 values span several keystream buffers
        for (long bound : new long[] {(1L << 40) + 1, (1L << 60) - 93, 7}) {
            RandomSource one = RandomSource.seededForTestsOnly(5);
            RandomSource bulk = RandomSource.seededForTestsOnly(5);
            long[] expected = new long[5000];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = one.uniformBelow(bound);
            }
            long[] actual = new long[5000];
            bulk.uniformBelow(actual, bound);
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, "bound " + bound);
            assertEquals(one.nextLong(), bulk.nextLong(), "both streams continue at the same position");
        }
    }

    @Test
    void aRestartedPublicSeedStreamDrawsWhatAFreshOneDoes() {
        byte[] first = new byte[32];
        byte[] second = new byte[32];
        second[31] = 1;
        RandomSource reused = RandomSource.expandingPublicSeed(first);
        long[] a = new long[3000];
        reused.uniformBelow(a, (1L << 41) - 21); // a prime-sized bound; part of a buffer is left unread
        reused.restartFromPublicSeed(second);
        long[] again = new long[3000];
        reused.uniformBelow(again, (1L << 41) - 21);
        long[] fresh = new long[3000];
        RandomSource.expandingPublicSeed(second).uniformBelow(fresh, (1L << 41) - 21);
        org.junit.jupiter.api.Assertions.assertArrayEquals(fresh, again);
        assertNotEquals(a[0], again[0]);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> RandomSource.secure().restartFromPublicSeed(second), "a secret stream is never re-keyed");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> RandomSource.seededForTestsOnly(1).restartFromPublicSeed(second));
    }

    @Test
    void pairedGaussiansAreStandardNormalAndUncorrelatedWithinAPair() {
        double[] z = new double[200_001]; // odd: the last value has no partner
        RandomSource.seededForTestsOnly(6).gaussians(z);
        double sum = 0;
        double squares = 0;
        double pairProducts = 0;
        long beyondTwoSigma = 0;
        for (int k = 0; k < z.length; k++) {
            sum += z[k];
            squares += z[k] * z[k];
            beyondTwoSigma += Math.abs(z[k]) > 2 ? 1 : 0;
            if (k % 2 == 1) {
                pairProducts += z[k - 1] * z[k];
            }
        }
        assertTrue(Math.abs(sum / z.length) < 0.01, "mean " + sum / z.length);
        assertTrue(Math.abs(squares / z.length - 1) < 0.02, "variance " + squares / z.length);
        assertTrue(Math.abs(pairProducts / (z.length / 2)) < 0.01, "the two values of one pair are uncorrelated");
        assertEquals(0.0455, (double) beyondTwoSigma / z.length, 0.003, "normal tails");
        assertTrue(z[z.length - 1] != 0, "an odd length fills its last value too");
    }

    @Test
    void ternaryIsUniformOnMinusOneZeroOne() {
        long[] s = new long[90_000];
        Samplers.ternary(RandomSource.seededForTestsOnly(2), s);
        int[] counts = new int[3];
        for (long v : s) {
            counts[(int) v + 1]++;
        }
        for (int c : counts) {
            assertTrue(Math.abs(c - 30_000) < 800, "each value about 1/3: " + c);
        }
    }

    @Test
    void gaussianHasSigma32AndIsBounded() {
        long[] e = new long[200_000];
        Samplers.gaussian(RandomSource.seededForTestsOnly(4), e);
        double sum = 0;
        double squares = 0;
        long max = 0;
        for (long v : e) {
            sum += v;
            squares += (double) v * v;
            max = Math.max(max, Math.abs(v));
        }
        double mean = sum / e.length;
        double sigma = Math.sqrt(squares / e.length - mean * mean);
        assertTrue(Math.abs(mean) < 0.05, "mean " + mean);
        assertTrue(Math.abs(sigma - Samplers.SIGMA) < 0.05, "sigma " + sigma);
        assertTrue(max <= Samplers.GAUSSIAN_BOUND && max >= 12, "max " + max);
    }
}
