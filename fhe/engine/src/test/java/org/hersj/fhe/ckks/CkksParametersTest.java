package org.hersj.fhe.ckks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CkksParametersTest {
    @Test
    void securityTableMatchesTheStandard() {
        assertEquals(109, SecurityLevel.BITS_128.maxLogQP(12));
        assertEquals(218, SecurityLevel.BITS_128.maxLogQP(13));
        assertEquals(881, SecurityLevel.BITS_128.maxLogQP(15));
        assertEquals(19, SecurityLevel.BITS_192.maxLogQP(10));
        assertEquals(305, SecurityLevel.BITS_192.maxLogQP(14));
        assertEquals(476, SecurityLevel.BITS_256.maxLogQP(15));
        assertEquals(-1, SecurityLevel.BITS_128.maxLogQP(9));
    }

    @Test
    void presetsAreValidAndSecure() {
        for (String name : CkksPresets.names()) {
            CkksParameters p = CkksPresets.byName(name);
            assertTrue(p.logQP() <= p.security().maxLogQP(p.logN()), name);
            Set<Long> primes = new HashSet<>();
            for (int i = 0; i <= p.maxLevel(); i++) {
                primes.add(p.qModulus(i));
                assertEquals(1, p.qModulus(i) % (2L * p.ringDegree()));
                assertEquals((int) p.literal().logQ().get(i), 64 - Long.numberOfLeadingZeros(p.qModulus(i)));
            }
            for (int i = 0; i < p.pCount(); i++) {
                primes.add(p.pModulus(i));
            }
            assertEquals(p.maxLevel() + 1 + p.pCount(), primes.size(), "distinct primes in " + name);
        }
        CkksParameters s = CkksPresets.byName("search_n8192");
        assertEquals(8192, s.ringDegree());
        assertEquals(4096, s.slots());
        assertEquals(1, s.maxLevel());
        assertEquals(Math.scalb(1.0, 41), s.defaultScale());
    }

    @Test
    void unknownPresetListsTheNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CkksPresets.byName("N4096"));
        assertTrue(e.getMessage().contains("SEARCH_N4096") && e.getMessage().contains("DEEP_N16384"), e.getMessage());
    }

    @Test
    void insecureParametersAreRefusedNamingTheLimit() {
        CkksParametersLiteral tooBig = new CkksParametersLiteral(12, List.of(60, 40), List.of(60), 40,
                SecurityLevel.BITS_128, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CkksParameters.of(tooBig));
        assertTrue(e.getMessage().contains("160") && e.getMessage().contains("109"), e.getMessage());
        CkksParametersLiteral at192 = new CkksParametersLiteral(13, List.of(60, 41), List.of(60), 41,
                SecurityLevel.BITS_192, false);
        e = assertThrows(IllegalArgumentException.class, () -> CkksParameters.of(at192));
        assertTrue(e.getMessage().contains("152"), e.getMessage());
        CkksParametersLiteral smallRing = new CkksParametersLiteral(8, List.of(20), List.of(20), 10,
                SecurityLevel.BITS_128, false);
        e = assertThrows(IllegalArgumentException.class, () -> CkksParameters.of(smallRing));
        assertTrue(e.getMessage().contains("outside the HomomorphicEncryption.org table"), e.getMessage());
    }

    @Test
    void allowInsecureWarnsLoudly() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CkksParameters p = TestKeys.toy(5);
            assertEquals(32, p.ringDegree());
        } finally {
            System.setErr(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("WARNING: INSECURE CKKS PARAMETERS"), text);
    }

    @Test
    void malformedFieldsAreNamed() {
        assertMessage(new CkksParametersLiteral(13, List.of(), List.of(60), 40, SecurityLevel.BITS_128, false), "'logQ'");
        assertMessage(new CkksParametersLiteral(13, List.of(61, 40), List.of(60), 40, SecurityLevel.BITS_128, false),
                "'logQ[0]'");
        assertMessage(new CkksParametersLiteral(13, List.of(60, 40), null, 40, SecurityLevel.BITS_128, false), "'logP'");
        assertMessage(new CkksParametersLiteral(13, List.of(40, 40), List.of(60), 40, SecurityLevel.BITS_128, false),
                "'logScale'");
        assertMessage(new CkksParametersLiteral(13, List.of(60, 40), List.of(60), 40, null, false), "'security'");
    }

    private static void assertMessage(CkksParametersLiteral literal, String field) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CkksParameters.of(literal));
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }

    @Test
    void fingerprintIsStableAndSensitive() {
        CkksParameters a = CkksParameters.of(CkksPresets.SEARCH_N4096);
        CkksParameters b = CkksParameters.of(CkksPresets.SEARCH_N4096);
        assertEquals(a.fingerprint(), b.fingerprint());
        assertEquals(64, a.fingerprint().length());
        assertEquals(a, b);
        CkksParameters c = CkksParameters.of(new CkksParametersLiteral(12, List.of(46, 38), List.of(25), 37,
                SecurityLevel.BITS_128, false));
        assertNotEquals(a.fingerprint(), c.fingerprint());
        assertNotEquals(a, c);
    }

    @Test
    void onePrimePresetsAreSizedForDegreeTwoScoresAndOfferNoKeySwitching() {
        for (String name : List.of("LITE_N2048", "LITE_N4096")) {
            CkksParameters p = CkksPresets.byName(name);
            assertEquals(0, p.maxLevel());
            assertTrue(p.logQP() <= SecurityLevel.BITS_128.maxLogQP(p.logN()), name + " within the security table");
            // a degree-2 score of unit vectors (|coefficient| <= sqrt(2) scale^2) stays below q/2
            assertTrue(Math.sqrt(2) * p.defaultScale() * p.defaultScale() < p.qModulus(0) / 2.0, name);
            var refused = assertThrows(IllegalArgumentException.class,
                    () -> CkksPresets.choose(name, null, false, true, -1), name);
            assertTrue(refused.getMessage().contains("degree-two scores only"), refused.getMessage());
        }
        for (String name : List.of("LITE_N2048", "LITE_N4096")) {
            CkksParameters p = CkksPresets.byName(name);
            assertTrue(!p.supportsKeySwitching(), name);
            KeyGenerator g = new KeyGenerator(p, org.hersj.fhe.ring.RandomSource.seededForTestsOnly(1));
            SecretKey sk = g.secretKey();
            var e = assertThrows(IllegalStateException.class, () -> g.relinearizationKey(sk));
            assertTrue(e.getMessage().contains("no prime to rescale by"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> g.galoisKeys(sk, 1));
        }
        // LITE_N4096's special prime serves public-key encryption over QP (then divided by P) only
        CkksParameters lite4096 = CkksPresets.byName("LITE_N4096");
        assertEquals(1, lite4096.pCount());
        KeyGenerator g4 = new KeyGenerator(lite4096, org.hersj.fhe.ring.RandomSource.seededForTestsOnly(2));
        assertTrue(g4.publicKey(g4.secretKey()).extended());
        var missing = assertThrows(IllegalArgumentException.class, () -> CkksParameters.of(
                new CkksParametersLiteral(12, List.of(60), null, 28, SecurityLevel.BITS_128, false)));
        assertTrue(missing.getMessage().contains("logP"), missing.getMessage());
    }

    @Test
    void precisionChoosesTheLightestPresetThatMeetsIt() {
        assertEquals("LITE_N2048", CkksPresets.lightestFor(1e-4, false, false, -1));
        assertEquals("LITE_N4096", CkksPresets.lightestFor(2e-5, false, false, -1));
        assertEquals("SEARCH_N4096", CkksPresets.lightestFor(1e-4, false, true, -1), "rotations need a special prime");
        assertEquals("LITE_N4096", CkksPresets.lightestFor(1e-4, true, false, -1),
                "public-key galleries are noisier: the one-prime preset that encrypts over QP");
        assertEquals("SEARCH_N4096", CkksPresets.lightestFor(5e-5, true, false, -1), "public-key galleries are noisier");
        assertEquals("SEARCH_N8192", CkksPresets.lightestFor(1e-7, false, false, -1));
        var e = assertThrows(IllegalArgumentException.class, () -> CkksPresets.lightestFor(1e-12, false, false, -1));
        assertTrue(e.getMessage().contains("no CKKS preset reaches score precision 1.0E-12")
                && e.getMessage().contains("SEARCH_N8192"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CkksPresets.lightestFor(0, false, false, -1));
        double previous = 0;
        for (CkksPresets.ScorePrecision sp : CkksPresets.scorePrecisions()) {
            CkksParameters p = CkksPresets.byName(sp.preset());
            int bits = 0;
            for (int i = 0; i <= p.maxLevel(); i++) {
                bits += 64 - Long.numberOfLeadingZeros(p.qModulus(i));
            }
            assertTrue(bits >= previous, "listed lightest first: " + sp.preset());
            previous = bits;
        }
    }
}
