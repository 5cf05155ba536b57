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
    void coefficientNoiseIsUniformOnTheStatedRangeWithTheStatedVariance() {
        NoiseFlooding flooding = new NoiseFlooding(K.params, NoiseFlooding.DEFAULT_BITS, RandomSource.secure());
        Plaintext pt = K.decryptor.decryptNew(K.encrypt(new double[] {0.5}));
        double sigma = flooding.coefficientStandardDeviation(pt.scale());
        long half = NoiseFlooding.halfWidth(sigma);
        assertEquals(1.0, half * (half + 1.0) / 3 / (sigma * sigma), 1e-4, "variance of the uniform [-B, B] over sigma^2");
        org.hersj.fhe.arith.Modulus m = K.params.ring().modulus(0);
        long q = m.value();
        double sumSq = 0;
        long inner = 0;
        long top = Long.MIN_VALUE;
        long bottom = Long.MAX_VALUE;
        int draws = 20;
        for (int d = 0; d < draws; d++) {
            flooding.drawFor(pt);
            long[] coefficients = new long[K.params.ringDegree()];
            flooding.addTo(coefficients, m);
            for (long c : coefficients) {
                long v = c > q / 2 ? c - q : c;
                assertTrue(Math.abs(v) <= half, "noise " + v + " outside [-B, B], B = " + half);
                sumSq += (double) v * v;
                inner += Math.abs(v) < half / 3 ? 1 : 0;
                top = Math.max(top, v);
                bottom = Math.min(bottom, v);
            }
        }
        int count = draws * K.params.ringDegree();
        assertEquals(sigma, Math.sqrt(sumSq / count), 0.02 * sigma, "measured coefficient standard deviation");
        // uniform: a third of the draws in the middle third (a Gaussian of this variance puts 44 % there)
        assertEquals(1.0 / 3, (double) inner / count, 0.02, "share of draws with |v| < B/3");
        assertTrue(top > 0.99 * half && bottom < -0.99 * half, "the whole range is drawn: " + bottom + ".." + top);
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
