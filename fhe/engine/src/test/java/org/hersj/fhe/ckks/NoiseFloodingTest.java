package org.hersj.fhe.ckks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hersj.fhe.ring.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Flooded decryptions against exact ones on SEARCH_N4096 after a product and a rescale (the shape of a
 * search score) and on LITE_N2048 after a product left at scale Delta^2: the added error has the stated
 * standard deviation (within 10 %), 2^bits times the score noise model, stays within 6 of them on every
 * slot and is fresh on every decryption.
 */
class NoiseFloodingTest {

    private static final TestKeys K = new TestKeys(CkksPresets.byName("SEARCH_N4096"), 51);

    @Test
    void floodedDecodeIsWithinTheStatedBoundOfTheExactOne() {
        double[] a = TestKeys.randomValues(K.params.slots(), 1, 1);
        Ciphertext score = K.evaluator.rescaleNew(K.evaluator.multiplyNew(K.encrypt(a), K.encrypt(a)));
        NoiseFlooding flooding = new NoiseFlooding(K.params, NoiseFlooding.DEFAULT_BITS, RandomSource.secure());
        double sigma = flooding.slotErrorStandardDeviation();
        assertEquals(Math.scalb(ScoreNoise.of(K.params).scoreStd(true), 12), sigma, 1e-12);
        assertTrue(sigma > 5e-6 && sigma < 3e-5, "SEARCH_N4096 flooding perturbs scores by ~1.5e-5: " + sigma);
        checkFlooding(K, score, flooding);
    }

    @Test
    void floodsAOnePrimeDegreeTwoScoreAsMuchAsARescaledOne() {
        TestKeys lite = new TestKeys(CkksPresets.byName("LITE_N2048"), 52, false);
        double[] a = TestKeys.randomValues(lite.params.slots(), 0.5, 2);
        Ciphertext score = new Evaluator(lite.params, null).multiplyNoRelinNew(lite.encrypt(a), lite.encrypt(a));
        assertTrue(score.scale() > Math.scalb(1.0, 49), "the degree-2 score stays at scale Delta^2");
        NoiseFlooding flooding = new NoiseFlooding(lite.params, 4, RandomSource.secure());
        checkFlooding(lite, score, flooding);
    }

    private static void checkFlooding(TestKeys keys, Ciphertext score, NoiseFlooding flooding) {
        double[] exact = keys.encoder.decode(keys.decryptor.decryptNew(score));
        double sigma = flooding.slotErrorStandardDeviation();
        double[] first = flood(keys, flooding, score);
        double[] second = flood(keys, flooding, score);
        double sumSq = 0;
        double worst = 0;
        double apart = 0;
        for (int i = 0; i < exact.length; i++) {
            double d = first[i] - exact[i];
            sumSq += d * d;
            worst = Math.max(worst, Math.abs(d));
            apart += Math.abs(first[i] - second[i]);
        }
        double rms = Math.sqrt(sumSq / exact.length);
        assertEquals(sigma, rms, 0.1 * sigma, "measured flooding error");
        assertTrue(worst < 6 * sigma, "largest flooding error " + worst + " beyond 6 sigma = " + 6 * sigma);
        assertTrue(apart / exact.length > 0.5 * sigma, "two floodings of one ciphertext must differ");
    }

    @Test
    void coefficientNoiseIsAGaussianOfTheStatedVarianceOnEveryLimb() {
        TestKeys deep = new TestKeys(CkksPresets.byName("DEEP_N16384"), 53, false);
        NoiseFlooding flooding = new NoiseFlooding(deep.params, NoiseFlooding.DEFAULT_BITS, RandomSource.secure());
        Plaintext pt = deep.decryptor.decryptNew(deep.encrypt(new double[] {0.5}));
        assertTrue(pt.level() >= 2, "a fresh DEEP_N16384 ciphertext spans three or more primes");
        double sigma = flooding.coefficientStandardDeviation(pt.scale());
        int n = deep.params.ringDegree();
        double sumSq = 0;
        long inner = 0;
        long tail = 0;
        int draws = 4;
        for (int d = 0; d < draws; d++) {
            flooding.drawFor(pt);
            long[][] limbs = new long[pt.level() + 1][n];
            for (int i = 0; i <= pt.level(); i++) {
                flooding.addTo(limbs[i], deep.params.ring().modulus(i));
            }
            for (int k = 0; k < n; k++) {
                long v = centred(limbs[0][k], deep.params.ring().modulus(0).value());
                for (int i = 1; i <= pt.level(); i++) {
                    assertEquals(v, centred(limbs[i][k], deep.params.ring().modulus(i).value()),
                            "the same integer noise on limb " + i + " at coefficient " + k);
                }
                sumSq += (double) v * v;
                inner += Math.abs(v) < sigma * Math.sqrt(3) / 3 ? 1 : 0;
                tail += Math.abs(v) > 2 * sigma ? 1 : 0;
            }
        }
        int count = draws * n;
        assertEquals(sigma, Math.sqrt(sumSq / count), 0.02 * sigma, "measured coefficient standard deviation");
        // Gaussian, not uniform: 43.6 % of the draws within sigma/sqrt(3) (a uniform of this variance: 33.3 %)
        // and 4.55 % beyond 2 sigma (a uniform: none, its range ends at 1.73 sigma); both bounds are 5 or more
        // standard errors of 65,536 draws
        assertEquals(0.4363, (double) inner / count, 0.01, "share of draws with |v| < sigma / sqrt(3)");
        assertEquals(0.0455, (double) tail / count, 0.005, "share of draws with |v| > 2 sigma");
    }

    @Test
    void refusesFloodingThatWouldWrapTheModulus() {
        TestKeys lite = new TestKeys(CkksPresets.byName("LITE_N2048"), 54, false);
        Ciphertext score = new Evaluator(lite.params, null).multiplyNoRelinNew(lite.encrypt(new double[] {0.5}),
                lite.encrypt(new double[] {0.5}));
        NoiseFlooding fits = new NoiseFlooding(lite.params, NoiseFlooding.DEFAULT_BITS, RandomSource.secure());
        NoiseFlooding wraps = new NoiseFlooding(lite.params, 24, RandomSource.secure());
        double q = lite.params.ring().modulus(0).value();
        assertTrue(wraps.coefficientStandardDeviation(score.scale()) < 0x1p60, "within 64 bits");
        assertTrue(fits.fitsScale(score.scale(), 0));
        assertTrue(!wraps.fitsScale(score.scale(), 0), "8 sigma of 2^24 x the noise at Delta^2 pass q / 2 = " + q / 2);
        Plaintext pt = lite.decryptor.decryptNew(score);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lite.encoder.decode(pt, wraps, new double[lite.params.slots()]));
        assertTrue(e.getMessage().contains("fewer bits"), e.getMessage());
    }

    @Test
    void noiseLargerThanADoubleHoldsExactlyStillTakesOddValues() {
        // a degree-2 score at Delta^2 over two primes: sigma ~ 2^54.5, beyond the 2^53 a double holds exactly
        Plaintext pt = K.decryptor.decryptNew(
                new Evaluator(K.params, null).multiplyNoRelinNew(K.encrypt(new double[] {0.5}), K.encrypt(new double[] {0.5})));
        NoiseFlooding flooding = new NoiseFlooding(K.params, NoiseFlooding.DEFAULT_BITS, RandomSource.secure());
        assertTrue(flooding.coefficientStandardDeviation(pt.scale()) > 0x1p53, "the case under test");
        flooding.drawFor(pt);
        int n = K.params.ringDegree();
        long[] limb0 = new long[n];
        long[] limb1 = new long[n];
        flooding.addTo(limb0, K.params.ring().modulus(0));
        flooding.addTo(limb1, K.params.ring().modulus(1));
        java.math.BigInteger q0 = java.math.BigInteger.valueOf(K.params.ring().modulus(0).value());
        java.math.BigInteger q1 = java.math.BigInteger.valueOf(K.params.ring().modulus(1).value());
        java.math.BigInteger q = q0.multiply(q1);
        java.math.BigInteger q0Inverse = q0.modInverse(q1);
        long odd = 0;
        for (int k = 0; k < n; k++) { // the noise integer from its two residues (CRT), centred
            java.math.BigInteger r0 = java.math.BigInteger.valueOf(limb0[k]);
            java.math.BigInteger t = java.math.BigInteger.valueOf(limb1[k]).subtract(r0).multiply(q0Inverse).mod(q1);
            java.math.BigInteger v = r0.add(q0.multiply(t));
            if (v.compareTo(q.shiftRight(1)) > 0) {
                v = v.subtract(q);
            }
            odd += v.testBit(0) ? 1 : 0;
        }
        // without the low bits filled in, about 86 % of the draws were even
        assertEquals(0.5, (double) odd / n, 0.04, "share of odd noise values");
    }

    private static long centred(long residue, long q) {
        return residue > q / 2 ? residue - q : residue;
    }

    @Test
    void refusesOtherParametersAndSillyBitCounts() {
        assertThrows(IllegalArgumentException.class, () -> new NoiseFlooding(K.params, 41, RandomSource.secure()));
        assertThrows(IllegalArgumentException.class, () -> new NoiseFlooding(K.params, -1, RandomSource.secure()));
        NoiseFlooding other = new NoiseFlooding(CkksPresets.byName("SEARCH_N8192"), 12, RandomSource.secure());
        Plaintext pt = K.decryptor.decryptNew(K.encrypt(new double[] {0.5}));
        assertThrows(IllegalArgumentException.class, () -> K.encoder.decode(pt, other, new double[K.params.slots()]));
    }

    private static double[] flood(TestKeys keys, NoiseFlooding flooding, Ciphertext ct) {
        double[] out = new double[keys.params.slots()];
        keys.encoder.decode(keys.decryptor.decryptNew(ct), flooding, out);
        return out;
    }
}
