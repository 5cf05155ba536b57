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
    void coefficientNoiseIsAGaussianOfTheStatedVariance() {
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
            long[] noise = flooding.lastDraw();
            for (int k = 0; k < n; k++) {
                long v = noise[k];
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
        // a seeded stream: the statistical checks below then pass or fail the same way on every run
        NoiseFlooding flooding = new NoiseFlooding(K.params, NoiseFlooding.DEFAULT_BITS,
                RandomSource.seededForTestsOnly(61));
        assertTrue(flooding.coefficientStandardDeviation(pt.scale()) > 0x1p53, "the case under test");
        flooding.drawFor(pt);
        int n = K.params.ringDegree();
        long odd = 0;
        double sumSq = 0;
        for (long v : flooding.lastDraw()) {
            odd += v & 1;
            sumSq += (double) v * v;
        }
        // the grid the Gaussian is rounded to below 2^53 must not change its scale (4,096 draws: 1.1 % standard error)
        double sigma = flooding.coefficientStandardDeviation(pt.scale());
        assertEquals(sigma, Math.sqrt(sumSq / n), 0.07 * sigma, "measured standard deviation of the noise beyond 2^53");
        // every residue mod 2^g is reached evenly: chi-square over 2^g bins of 4 x 4,096 draws, below its mean plus 6
        // standard deviations (a false failure about once in 10^6 streams; filling one bit fewer leaves half the bins
        // empty, chi-square ~16,000); g = 6 at the defaults
        int g = NoiseFlooding.gridBits(sigma);
        assertTrue(g >= 1, "the case under test has a grid: 16 sigma beyond 2^53");
        long[] bins = new long[1 << g];
        for (int d = 0; d < 4; d++) {
            flooding.drawFor(pt);
            for (long v : flooding.lastDraw()) {
                bins[(int) Math.floorMod(v, (long) bins.length)]++;
            }
        }
        double expected = 4.0 * n / bins.length;
        double chiSquare = 0;
        for (long b : bins) {
            chiSquare += (b - expected) * (b - expected) / expected;
        }
        int freedom = bins.length - 1;
        double bound = freedom + 6 * Math.sqrt(2.0 * freedom);
        assertTrue(chiSquare < bound, "chi-square of the noise mod 2^" + g + ": " + chiSquare + " (" + freedom
                + " degrees of freedom, bound " + bound + ")");
        // without the low bits filled in, about 86 % of the draws were even
        assertEquals(0.5, (double) odd / n, 0.04, "share of odd noise values");
    }

    /**
     * The decoder adds the drawn integers to the plaintext's coefficients as reconstructed from all its primes (one,
     * two, or three and more: three code paths): a flooded decoding equals the exact decoding of the plaintext with
     * the same integers added residue by residue (in NTT form, on every prime), to double rounding. A carry lost in
     * the two-prime 128-bit sum, or noise added to one prime only, moves values by 2^64 / scale or by the noise.
     */
    @Test
    void theNoiseLandsOnTheReconstructedCoefficientsAtEveryLevel() {
        TestKeys deep = new TestKeys(CkksPresets.byName("DEEP_N16384"), 55, false);
        Ciphertext rescaled = K.evaluator.rescaleNew(K.evaluator.multiplyNew(K.encrypt(new double[] {0.5}),
                K.encrypt(new double[] {-0.25})));
        Ciphertext degreeTwo = new Evaluator(K.params, null).multiplyNoRelinNew(K.encrypt(new double[] {0.5, -0.7}),
                K.encrypt(new double[] {0.9, 0.6}));
        checkNoiseOnCoefficients(K, K.decryptor.decryptNew(rescaled), 0);
        checkNoiseOnCoefficients(K, K.decryptor.decryptNew(degreeTwo), 1);
        Plaintext wide = deep.decryptor.decryptNew(deep.encrypt(new double[] {0.3, -0.1}));
        assertTrue(wide.level() >= 2);
        checkNoiseOnCoefficients(deep, wide, wide.level());
    }

    private static void checkNoiseOnCoefficients(TestKeys keys, Plaintext pt, int level) {
        assertEquals(level, pt.level());
        NoiseFlooding flooding = new NoiseFlooding(keys.params, NoiseFlooding.DEFAULT_BITS, RandomSource.secure());
        int slots = keys.params.slots();
        double[] flooded = new double[2 * slots];
        keys.encoder.decodeComplex(pt, flooding, flooded);
        long[] noise = flooding.lastDraw().clone();
        Plaintext shifted = new Plaintext(keys.params, level, pt.scale());
        for (int i = 0; i <= level; i++) {
            org.hersj.fhe.arith.Modulus m = keys.params.ring().modulus(i);
            long[] limb = new long[noise.length];
            for (int k = 0; k < limb.length; k++) {
                long r = noise[k] % m.value();
                limb[k] = r < 0 ? r + m.value() : r;
            }
            keys.params.ring().ntt(i).forward(limb);
            long[] sum = shifted.poly().limb(i);
            long[] original = pt.poly().limb(i);
            for (int k = 0; k < limb.length; k++) {
                sum[k] = m.add(original[k], limb[k]);
            }
        }
        double[] expected = new double[2 * slots];
        keys.encoder.decodeComplex(shifted, expected);
        double worst = 0;
        for (int k = 0; k < expected.length; k++) {
            worst = Math.max(worst, Math.abs(flooded[k] - expected[k]));
        }
        double sigma = flooding.slotErrorStandardDeviation();
        // both decodings round the same integers to doubles once, then run the same FFT: differences of rounding
        assertTrue(worst < 1e-9 * sigma + 1e-12, "level " + level + ": flooded decoding off the decoding of pt + noise by "
                + worst + " (flooding sigma " + sigma + ")");
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
