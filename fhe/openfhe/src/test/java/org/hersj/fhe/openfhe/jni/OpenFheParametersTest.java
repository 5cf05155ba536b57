package org.hersj.fhe.openfhe.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ckks.SecurityLevel;
import org.hersj.fhe.openfhe.jni.OpenFheSettings.KeySwitching;
import org.junit.jupiter.api.Test;

/** Translation of our parameter literals into OpenFHE's (pure Java; no native code involved). */
class OpenFheParametersTest {

    @Test
    void searchN4096MapsToBvBecauseOpenFhesSpecialPrimeDoesNotFit() {
        OpenFheParameters p = OpenFheParameters.from(CkksPresets.SEARCH_N4096, OpenFheSettings.DEFAULT);
        assertEquals(4096, p.ringDimension());
        assertEquals(1, p.multiplicativeDepth());
        assertEquals(46, p.firstModulusBits());
        assertEquals(38, p.scaleBits());
        assertEquals(128, p.securityBits());
        assertEquals(KeySwitching.BV, p.settings().keySwitching());
        assertEquals(2048, p.slots());
    }

    @Test
    void searchN8192MapsToHybridWithTheSameModuli() {
        OpenFheParameters p = OpenFheParameters.from(CkksPresets.SEARCH_N8192, OpenFheSettings.DEFAULT);
        assertEquals(8192, p.ringDimension());
        assertEquals(60, p.firstModulusBits());
        assertEquals(41, p.scaleBits());
        assertEquals(KeySwitching.HYBRID, p.settings().keySwitching());
    }

    @Test
    void explicitKeySwitchingIsKept() {
        OpenFheSettings bv = new OpenFheSettings(KeySwitching.BV, 20, 1);
        assertEquals(bv, OpenFheParameters.from(CkksPresets.SEARCH_N8192, bv).settings());
    }

    @Test
    void insecureLiteralLeavesOpenFheSecurityUnset() {
        CkksParametersLiteral toy = new CkksParametersLiteral(11, List.of(40, 30), List.of(), 30,
                SecurityLevel.BITS_128, true);
        assertEquals(0, OpenFheParameters.from(toy, OpenFheSettings.DEFAULT).securityBits());
    }

    @Test
    void scalingPrimesThatDifferFromTheScaleAreRefusedNamingTheField() {
        CkksParametersLiteral mixed = new CkksParametersLiteral(13, List.of(60, 40, 41), List.of(60), 40,
                SecurityLevel.BITS_128, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OpenFheParameters.from(mixed, OpenFheSettings.DEFAULT));
        assertTrue(e.getMessage().contains("logQ[2] = 41"), e.getMessage());
    }

    @Test
    void depthZeroAndOversizedPrimesAreRefused() {
        CkksParametersLiteral depthZero = new CkksParametersLiteral(13, List.of(60), List.of(), 40,
                SecurityLevel.BITS_128, false);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> OpenFheParameters.from(depthZero, OpenFheSettings.DEFAULT)).getMessage().contains("logQ"));
        CkksParametersLiteral wide = new CkksParametersLiteral(14, List.of(61, 40), List.of(), 40,
                SecurityLevel.BITS_128, false);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> OpenFheParameters.from(wide, OpenFheSettings.DEFAULT)).getMessage().contains("logQ[0] = 61"));
    }
}
