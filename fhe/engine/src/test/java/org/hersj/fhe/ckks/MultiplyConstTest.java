package org.hersj.fhe.ckks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link Evaluator#multiplyConst} against plaintext products for constants beyond 2^31 (formerly cast
 * with saturation to a long of 2^63 - 1 or to the int range, giving wrong residues): integers at the
 * ciphertext's scale, non-integers whose c * q_1 exceeds 2^62 (big-integer residues), and a clear
 * refusal of constants whose scaled value does not fit in the modulus. SEARCH_N8192 (Q = 2^101 at level
 * 1); inputs in [-1, 1] encrypted with the secret key (fresh noise ~1e-5 at this scale) at a scale of
 * 2^24 so that the products fit.
 */
class MultiplyConstTest {

    private static final TestKeys K = new TestKeys(CkksPresets.byName("SEARCH_N8192"), 41);
    private static final double SCALE = 0x1p24;
    private static final Encryptor SECRET = Encryptor.withSecretKey(K.params, K.secretKey,
        org.hersj.fhe.ring.RandomSource.seededForTestsOnly(42));

    private static Ciphertext encrypt(double[] values) {
        return SECRET.encryptNew(K.encoder.encodeNew(values, K.params.maxLevel(), SCALE));
    }

    /** Largest |decrypted - c * input| over the slots, relative to |c|. */
    private static double relativeError(double[] input, double c, Ciphertext product) {
        double[] out = K.decrypt(product);
        double worst = 0;
        for (int i = 0; i < input.length; i++) {
            worst = Math.max(worst, Math.abs(out[i] - c * input[i]) / Math.abs(c));
        }
        return worst;
    }

    @Test
    void integersBeyondTwoToThe31KeepTheScaleAndAreExact() {
        double[] a = TestKeys.randomValues(64, 1, 5);
        Ciphertext ct = encrypt(a);
        for (double c : new double[] {0x1p31, -3_000_000_017.0, 0x1p52 + 1, -0x1p60}) {
            Ciphertext product = K.evaluator.multiplyConstNew(ct, c);
            assertEquals(SCALE, product.scale(), "an integer keeps the scale");
            double error = relativeError(a, c, product);
            assertTrue(error < 1e-4, "c = " + c + ": relative error " + error);
        }
    }

    @Test
    void nonIntegersBeyondTwoToThe31AreRoundedAtTheRescalePrime() {
        double[] a = TestKeys.randomValues(64, 1, 6);
        Ciphertext ct = encrypt(a);
        for (double c : new double[] {5_000_000_000.25, -0x1p33 + 0.5, 3_333_333_333.3}) {
            Ciphertext product = K.evaluator.rescaleNew(K.evaluator.multiplyConstNew(ct, c));
            assertEquals(SCALE, product.scale(), 1e-6 * SCALE, "the rescale restores the scale");
            double error = relativeError(a, c, product);
            assertTrue(error < 1e-4, "c = " + c + ": relative error " + error);
        }
    }

    @Test
    void constantsWhoseScaledValueDoesNotFitAreRefused() {
        Ciphertext ct = encrypt(new double[] {0.5});
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
            () -> K.evaluator.multiplyConstNew(ct, 0x1p110));
        assertTrue(big.getMessage().contains("does not fit in the modulus at level 1"), big.getMessage());
        Ciphertext low = K.evaluator.dropLevelNew(ct, 0);
        IllegalArgumentException atZero = assertThrows(IllegalArgumentException.class,
            () -> K.evaluator.multiplyConstNew(low, 0x1p59));
        assertTrue(atZero.getMessage().contains("does not fit in the modulus at level 0"), atZero.getMessage());
        Ciphertext fits = K.evaluator.multiplyConstNew(low, 0x1p30);
        assertTrue(relativeError(new double[] {0.5}, 0x1p30, fits) < 1e-4, "2^30 fits at level 0");
        assertThrows(IllegalArgumentException.class, () -> K.evaluator.multiplyConstNew(low, 0.5));
    }
}
