package org.hersj.fhe.openfhe.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hersj.fhe.openfhe.jni.OpenFheSettings.KeySwitching;
import org.junit.jupiter.api.Test;

class OpenFheSettingsTest {

    @Test
    void defaultsAreAutomaticKeySwitchingWithThirtyBitDigitsAndOneThread() {
        assertEquals(new OpenFheSettings(KeySwitching.AUTO, 30, 1), OpenFheSettings.DEFAULT);
    }

    @Test
    void invalidValuesNameTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new OpenFheSettings(null, 30, 1))
                .getMessage().contains("keySwitching"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new OpenFheSettings(KeySwitching.BV, 61, 1))
                .getMessage().contains("bvDigitBits"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new OpenFheSettings(KeySwitching.BV, 30, 0))
                .getMessage().contains("openMpThreads"));
    }
}
