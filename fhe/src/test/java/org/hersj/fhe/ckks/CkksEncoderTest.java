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
    void constantIsReplicatedToEverySlot() {
        CkksParameters params = CkksPresets.byName("SEARCH_N4096");
        CkksEncoder encoder = new CkksEncoder(params);
        double[] back = encoder.decode(encoder.encodeConstantNew(-0.3125, 1, params.defaultScale()));
        for (double v : back) {
            assertEquals(-0.3125, v, 1e-9);
        }
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
