package org.hersj.fhe.ckks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hersj.fhe.ring.RnsRing;
import org.junit.jupiter.api.Test;

class CkksEncoderTest {
    @Test
    void slotKIsTheValueAtZetaToThe5ToTheK() {
        CkksParameters params = TestKeys.toy(5);
        int n = params.ringDegree();
        CkksEncoder encoder = new CkksEncoder(params);
        double[] values = TestKeys.randomValues(params.slots(), 1, 3);
        double scale = Math.scalb(1.0, 30);
        Plaintext pt = encoder.encodeNew(values, 0, scale);
        long[] coefficients = pt.poly().limb(0).clone();
        RnsRing ring = params.ring();
        ring.ntt(0).inverse(coefficients);
        long q = params.qModulus(0);
        long g = 1;
        for (int k = 0; k < params.slots(); k++) {
            double re = 0;
            for (int j = 0; j < n; j++) {
                long c = coefficients[j] > q / 2 ? coefficients[j] - q : coefficients[j];
                double angle = Math.PI * ((g * j) % (2L * n)) / n;
                re += c * Math.cos(angle);
            }
            assertEquals(values[k], re / scale, 1e-7, "slot " + k);
            g = g * 5 % (2L * n);
        }
    }

    @Test
    void roundTripIsPreciseAtBothLevels() {
        CkksParameters params = CkksPresets.byName("SEARCH_N8192");
        CkksEncoder encoder = new CkksEncoder(params);
        double[] values = TestKeys.randomValues(params.slots(), 10, 4);
        for (int level = 0; level <= params.maxLevel(); level++) {
            double[] back = encoder.decode(encoder.encodeNew(values, level, params.defaultScale()));
            PrecisionStats stats = PrecisionStats.of(values, back);
            assertTrue(stats.minBits() > 30, "level " + level + ": " + stats);
        }
        double[] few = {0.25, -0.5, 3};
        double[] back = encoder.decode(encoder.encodeNew(few, 1, params.defaultScale()));
        assertEquals(params.slots(), back.length);
        assertEquals(-0.5, back[1], 1e-9);
        assertEquals(0.0, back[3], 1e-9, "unused slots are zero");
    }

    @Test
    void twoLimbsAtADegreeTwoScaleDecodeToTheValuesOfBothSigns() {
        // a degree-2 score is decoded at scale Delta^2 over both primes (no rescale): 2^82 of the 2^101 at N = 8192
        for (String preset : new String[] {"SEARCH_N8192", "SEARCH_N4096"}) {
            CkksParameters params = CkksPresets.byName(preset);
            CkksEncoder encoder = new CkksEncoder(params);
            double scale = params.defaultScale() * params.defaultScale();
            double[] values = TestKeys.randomValues(params.ringDegree(), 1, 17);
            values[0] = -1;
            values[1] = 1;
            values[2] = 0;
            Plaintext pt = new Plaintext(params, 1, scale);
            encoder.encodeComplex(values, 1, scale, pt);
            double[] back = new double[params.ringDegree()];
            encoder.decodeComplex(pt, back);
            for (int i = 0; i < values.length; i++) {
                assertEquals(values[i], back[i], 1e-12, preset + ", value " + i);
            }
        }
    }

    @Test
    void constantIsReplicatedToEverySlot() {
        CkksParameters params = CkksPresets.byName("SEARCH_N4096");
        CkksEncoder encoder = new CkksEncoder(params);
        double[] back = encoder.decode(encoder.encodeConstantNew(-0.3125, 1, params.defaultScale()));
        for (double v : back) {
            assertEquals(-0.3125, v, 1e-9);
        }
    }

    @Test
    void complexSlotsRoundTripTwoValuesPerSlot() {
        CkksParameters params = CkksPresets.byName("SEARCH_N8192");
        CkksEncoder encoder = new CkksEncoder(params);
        double[] values = TestKeys.randomValues(params.ringDegree(), 1, 11);
        Plaintext pt = new Plaintext(params, 1, params.defaultScale());
        encoder.encodeComplex(values, 1, params.defaultScale(), pt);
        double[] back = new double[params.ringDegree()];
        encoder.decodeComplex(pt, back);
        PrecisionStats stats = PrecisionStats.of(values, back);
        assertTrue(stats.minBits() > 30, stats.toString());
        double[] realOnly = encoder.decode(pt);
        assertEquals(values[7], realOnly[7], 1e-9, "the real decoder reads the first half");
        double[] half = TestKeys.randomValues(params.slots() + 3, 1, 12);
        encoder.encodeComplex(half, 0, params.defaultScale(), pt);
        encoder.decodeComplex(pt, back);
        assertEquals(half[params.slots() + 2], back[params.slots() + 2], 1e-9);
        assertEquals(0.0, back[params.slots() + 3], 1e-9, "missing imaginary parts are zero");
        assertThrows(IllegalArgumentException.class,
                () -> encoder.encodeComplex(new double[params.ringDegree() + 1], 1, params.defaultScale(), pt));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> encoder.encodeComplex(
                new double[] {0, 0, Double.POSITIVE_INFINITY}, 1, params.defaultScale(), pt));
        assertTrue(nan.getMessage().contains("value 2"), nan.getMessage());
    }

    @Test
    void encryptedRealConstantTimesComplexSlotsScalesBothHalves() {
        TestKeys k = new TestKeys(CkksPresets.byName("SEARCH_N4096"), 21);
        CkksParameters params = k.params;
        double[] values = TestKeys.randomValues(params.ringDegree(), 1, 13);
        Plaintext pt = new Plaintext(params, params.maxLevel(), params.defaultScale());
        k.encoder.encodeComplex(values, params.maxLevel(), params.defaultScale(), pt);
        Ciphertext gallery = k.encryptor.encryptNew(pt);
        Ciphertext probe = k.encryptor.encryptNew(
                k.encoder.encodeConstantNew(-0.625, params.maxLevel(), params.defaultScale()));
        Ciphertext product = k.evaluator.multiplyNew(gallery, probe);
        k.evaluator.rescale(product, product);
        double[] back = new double[params.ringDegree()];
        k.encoder.decodeComplex(k.decryptor.decryptNew(product), back);
        double worst = 0;
        for (int i = 0; i < values.length; i++) {
            worst = Math.max(worst, Math.abs(back[i] + 0.625 * values[i]));
        }
        assertTrue(worst < 1e-6, "largest error " + worst + " (bound 1e-6)");
    }

    @Test
    void badInputsAreRefused() {
        CkksParameters params = CkksPresets.byName("SEARCH_N4096");
        CkksEncoder encoder = new CkksEncoder(params);
        assertThrows(IllegalArgumentException.class, () -> encoder.encodeNew(new double[params.slots() + 1], 1, 1e10));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> encoder.encodeNew(new double[] {1, Double.NaN}, 1, 1e10));
        assertTrue(nan.getMessage().contains("value 1"), nan.getMessage());
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> encoder.encodeNew(new double[] {1e9}, 0, params.defaultScale()));
        assertTrue(big.getMessage().contains("overflows"), big.getMessage());
    }
}
