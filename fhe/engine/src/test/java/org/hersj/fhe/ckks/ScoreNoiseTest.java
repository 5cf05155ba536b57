package org.hersj.fhe.ckks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hersj.fhe.arith.Modulus;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.ring.RnsPoly;
import org.junit.jupiter.api.Test;

/**
 * The noise model against measured noise: fresh public-key encryptions over QP divided by P carry the
 * rounding's noise (and over Q the larger one), and the error of a 16-d HERS score of unit vectors is
 * within 25 % above the model's standard deviation and at most 4x below it (the model counts a server
 * rescale the degree-two form does not make; an estimate a little on the high side is what sizing the
 * flooding needs).
 */
class ScoreNoiseTest {

    private static final int DIMENSIONS = 16;

    @Test
    void publicKeyEncryptionOverQpCarriesTheRoundingNoiseOnly() {
        CkksParameters params = CkksPresets.byName("SEARCH_N4096");
        Keys keys = new Keys(params, 3);
        assertTrue(keys.publicKey.extended(), "keys of a preset with a special prime are made over QP");
        PublicKey overQ = overQ(keys.publicKey);
        ScoreNoise model = ScoreNoise.of(params);
        double extended = freshCoefficientStd(keys, Encryptor.withPublicKey(params, keys.publicKey, RandomSource.secure()));
        double legacy = freshCoefficientStd(keys, Encryptor.withPublicKey(params, overQ, RandomSource.secure()));
        assertEquals(model.publicKeyCoefficientStd(), extended, 0.15 * extended, "over QP, divided by P");
        assertEquals(model.forPublicKey(overQ).publicKeyCoefficientStd(), legacy, 0.15 * legacy, "over Q");
        assertTrue(legacy > 12 * extended, "dividing by P must cut the noise ~16x: " + legacy + " vs " + extended);
        double secret = freshCoefficientStd(keys, Encryptor.withSecretKey(params, keys.secretKey, RandomSource.secure()));
        assertEquals(model.secretKeyCoefficientStd(), secret, 0.15 * secret, "secret-key encryption");
    }

    @Test
    void scoreErrorsAreWithinTheModelAtARescaledPreset() {
        CkksParameters params = CkksPresets.byName("SEARCH_N4096");
        checkScoreError(new Keys(params, 5), true, true);
        checkScoreError(new Keys(params, 6), false, true);
    }

    @Test
    void scoreErrorsAreWithinTheModelAtAOnePrimePreset() {
        CkksParameters params = CkksPresets.byName("LITE_N2048");
        Keys keys = new Keys(params, 7);
        assertTrue(!keys.publicKey.extended(), "no special prime, so the public key is over Q");
        checkScoreError(keys, true, false);
        CkksParameters extended = CkksPresets.byName("LITE_N4096");
        Keys overQp = new Keys(extended, 8);
        assertTrue(overQp.publicKey.extended(), "one q prime and a special prime: the public key is over QP");
        checkScoreError(overQp, true, false);
        checkScoreError(new Keys(extended, 9), false, false);
    }

    @Test
    void floodingBecomesPartOfTheChosenPresetsError() {
        double exact = CkksPresets.scoreError("LITE_N2048", false, -1);
        double flooded = CkksPresets.scoreError("LITE_N2048", false, NoiseFlooding.DEFAULT_BITS);
        assertTrue(flooded > 100 * exact, "12 bits of flooding swamp a one-prime preset: " + flooded);
        assertEquals("LITE_N2048", CkksPresets.lightestFor(1e-4, false, false, -1));
        assertEquals("SEARCH_N4096", CkksPresets.lightestFor(1e-4, false, false, NoiseFlooding.DEFAULT_BITS));
        assertEquals("SEARCH_N4096", CkksPresets.lightestFor(1e-4, true, false, NoiseFlooding.DEFAULT_BITS));
    }

    @Test
    void theShapeFactoryAgreesWithTheParameterFactory() {
        for (String preset : new String[] {"LITE_N2048", "LITE_N4096", "SEARCH_N4096", "SEARCH_N8192"}) {
            CkksParameters params = CkksPresets.byName(preset);
            ScoreNoise fromShape = ScoreNoise.of(params.ringDegree(), params.literal().logScale(), params.maxLevel() > 0);
            ScoreNoise fromParams = ScoreNoise.of(params).encryptingOverQ();
            for (boolean publicKeyProbe : new boolean[] {false, true}) {
                assertEquals(fromParams.scoreStd(true, publicKeyProbe), fromShape.scoreStd(true, publicKeyProbe), 0.0, preset);
                assertEquals(fromParams.scoreStd(false, publicKeyProbe), fromShape.scoreStd(false, publicKeyProbe), 0.0, preset);
            }
            assertEquals(fromParams.publicKeyCoefficientStd(), fromShape.publicKeyCoefficientStd(), 0.0, preset);
            if (params.pCount() == 0) {
                assertEquals(ScoreNoise.of(params).scoreStd(true), fromShape.scoreStd(true), 0.0, preset + " has no P");
            } else {
                assertTrue(ScoreNoise.of(params).publicKeyCoefficientStd() < fromShape.publicKeyCoefficientStd() / 4,
                        preset + ": the shape factory encrypts over Q, the preset over QP divided by P");
            }
        }
    }

    // HERS scores: gallery ciphertext t holds dimension t of every item, probe ciphertext t holds p_t in every
    // slot; sum_t g_t p_t, rescaled when the preset has a prime for it, decoded and compared with doubles.
    private static void checkScoreError(Keys keys, boolean publicKeyGallery, boolean rescale) {
        CkksParameters params = keys.params;
        int slots = params.slots();
        Random random = new Random(11);
        double[][] gallery = new double[DIMENSIONS][slots];
        double[] probe = unit(random, DIMENSIONS);
        for (int j = 0; j < slots; j++) {
            double[] item = unit(random, DIMENSIONS);
            for (int t = 0; t < DIMENSIONS; t++) {
                gallery[t][j] = item[t];
            }
        }
        Encryptor galleryEncryptor = publicKeyGallery
                ? Encryptor.withPublicKey(params, keys.publicKey, RandomSource.secure())
                : Encryptor.withSecretKey(params, keys.secretKey, RandomSource.secure());
        Encryptor probeEncryptor = Encryptor.withSecretKey(params, keys.secretKey, RandomSource.secure());
        Evaluator evaluator = new Evaluator(params, null);
        Ciphertext acc = null;
        for (int t = 0; t < DIMENSIONS; t++) {
            Ciphertext g = galleryEncryptor.encryptNew(keys.encoder.encodeNew(gallery[t], params.maxLevel(), params.defaultScale()));
            double[] constant = new double[slots];
            java.util.Arrays.fill(constant, probe[t]);
            Ciphertext p = probeEncryptor.encryptNew(keys.encoder.encodeNew(constant, params.maxLevel(), params.defaultScale()));
            Ciphertext product = evaluator.multiplyNoRelinNew(g, p);
            acc = acc == null ? product : evaluator.addNew(acc, product);
        }
        Decryptor decryptor = new Decryptor(params, keys.secretKey);
        Plaintext decrypted = decryptor.decryptNew(acc);
        if (rescale) {
            Ciphertext asCiphertext = new Ciphertext(params, 1, acc.level(), acc.scale());
            asCiphertext.poly(0).copyFrom(decrypted.poly(), acc.level() + 1);
            decrypted = decryptor.decryptNew(evaluator.rescaleNew(asCiphertext));
        }
        double[] scores = keys.encoder.decode(decrypted);
        double sumSq = 0;
        for (int j = 0; j < slots; j++) {
            double exact = 0;
            for (int t = 0; t < DIMENSIONS; t++) {
                exact += gallery[t][j] * probe[t];
            }
            double d = scores[j] - exact;
            sumSq += d * d;
        }
        double measured = Math.sqrt(sumSq / slots);
        double model = ScoreNoise.of(params).forPublicKey(keys.publicKey).scoreStd(publicKeyGallery);
        String what = params.literal().canonical() + (publicKeyGallery ? ", public-key" : ", key-owner") + " gallery";
        assertTrue(measured <= 1.25 * model, what + ": measured score error std " + measured + " above the model's " + model);
        assertTrue(model <= 4 * measured, what + ": model " + model + " more than 4x the measured " + measured);
    }

    // Standard deviation of c_0 + c_1 s - m over the coefficients of q_0, for fresh encryptions of random values.
    private static double freshCoefficientStd(Keys keys, Encryptor encryptor) {
        CkksParameters params = keys.params;
        Plaintext pt = keys.encoder.encodeNew(TestKeys.randomValues(params.slots(), 1, 13), params.maxLevel(),
                params.defaultScale());
        Plaintext decrypted = new Decryptor(params, keys.secretKey).decryptNew(encryptor.encryptNew(pt));
        Modulus q0 = params.ring().modulus(0);
        long[] error = new long[params.ringDegree()];
        long[] d = decrypted.poly().limb(0);
        long[] m = pt.poly().limb(0);
        for (int k = 0; k < error.length; k++) {
            error[k] = q0.sub(d[k], m[k]);
        }
        params.ring().ntt(0).inverse(error);
        double sumSq = 0;
        for (long e : error) {
            long centred = e > q0.value() / 2 ? e - q0.value() : e;
            sumSq += (double) centred * centred;
        }
        return Math.sqrt(sumSq / error.length);
    }

    private static PublicKey overQ(PublicKey extended) {
        CkksParameters params = extended.params();
        int limbs = params.maxLevel() + 1;
        RnsPoly b = new RnsPoly(params.ringDegree(), limbs);
        RnsPoly a = new RnsPoly(params.ringDegree(), limbs);
        b.copyFrom(extended.b(), limbs);
        a.copyFrom(extended.a(), limbs);
        return new PublicKey(params, b, a);
    }

    private static double[] unit(Random random, int d) {
        double[] v = new double[d];
        double norm = 0;
        for (int i = 0; i < d; i++) {
            v[i] = random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < d; i++) {
            v[i] /= Math.sqrt(norm);
        }
        return v;
    }

    private static final class Keys {
        final CkksParameters params;
        final SecretKey secretKey;
        final PublicKey publicKey;
        final CkksEncoder encoder;

        Keys(CkksParameters params, long seed) {
            this.params = params;
            KeyGenerator generator = new KeyGenerator(params, RandomSource.seededForTestsOnly(seed));
            secretKey = generator.secretKey();
            publicKey = generator.publicKey(secretKey);
            encoder = new CkksEncoder(params);
        }
    }
}
