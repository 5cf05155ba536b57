package org.hersj.fhe.ckks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SIMD block product gives the scalar Shoup kernel's residues, term counts past its folds and extreme
 * residues included, and is chosen only where it applies.
 */
class SimdInnerProductTest {

    @Test
    void theTestRunsHaveTheVectorModuleAndThisMachineTheLanes() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "surefire passes --add-modules jdk.incubator.vector (pom.xml)");
        assumeTrue(SimdInnerProduct.available(), "no 512-bit vectors here: the scalar kernel runs");
        assertTrue(SimdSupport.ENABLED);
        assertTrue(SimdInnerProduct.handles(CkksPresets.byName("SEARCH_N4096").qModulus(0)), "46-bit q");
        assertFalse(SimdInnerProduct.handles(CkksPresets.byName("LITE_N4096").qModulus(0)), "59-bit q: scalar");
        CkksParameters params = CkksPresets.byName("SEARCH_N4096");
        Evaluator ev = new Evaluator(params, null);
        assertNotNull(ev.prepare(filled(ev, params, new SplittableRandom(5), false)).ratios(0, 0),
                "the evaluator prepares probes for the SIMD kernel");
    }

    // The kernel itself is tested wherever the module is (surefire passes it): 512-bit species run emulated on
    // narrower vectors, so these tests do not depend on the machine, only SimdSupport's choice does.
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 16, 257, 600})
    void sameResiduesAsTheScalarKernel(int terms) {
        CkksParameters params = CkksPresets.byName("SEARCH_N4096");
        for (boolean extreme : new boolean[] {false, true}) {
            Evaluator ev = new Evaluator(params, null);
            Ciphertext[] a = new Ciphertext[terms];
            PreparedCiphertext[] b = new PreparedCiphertext[terms];
            PreparedCiphertext[] bScalar = new PreparedCiphertext[terms];
            SplittableRandom random = new SplittableRandom(terms * 31L + (extreme ? 1 : 0));
            for (int j = 0; j < terms; j++) {
                a[j] = filled(ev, params, random, extreme);
                Ciphertext probe = filled(ev, params, random, extreme);
                b[j] = new PreparedCiphertext(params, probe, true);
                bScalar[j] = new PreparedCiphertext(params, probe, false);
            }
            assertNotNull(b[0].ratios(0, 0), "prepared for the SIMD kernel");
            Ciphertext simd = ev.newCiphertext(2, params.maxLevel(), 1);
            Ciphertext scalar = ev.newCiphertext(2, params.maxLevel(), 1);
            new PreparedInnerProduct(params).compute(a, b, terms, params.maxLevel(), simd);
            new PreparedInnerProduct(params).compute(a, bScalar, terms, params.maxLevel(), scalar);
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i <= params.maxLevel(); i++) {
                    assertArrayEquals(scalar.poly(k).limb(i), simd.poly(k).limb(i),
                            "output " + k + ", limb " + i + ", " + terms + " terms" + (extreme ? ", residues q - 1" : ""));
                }
            }
            if (!extreme) { // and both equal exact arithmetic on a few coefficients
                for (int c : new int[] {0, 1, 4095}) {
                    long q = params.qModulus(1);
                    BigInteger d2 = BigInteger.ZERO;
                    for (int j = 0; j < terms; j++) {
                        d2 = d2.add(BigInteger.valueOf(a[j].poly(1).limb(1)[c]).multiply(BigInteger.valueOf(
                                b[j].value(1).limb(1)[c])));
                    }
                    assertTrue(d2.mod(BigInteger.valueOf(q)).longValueExact() == simd.poly(2).limb(1)[c],
                            "d_2 at coefficient " + c);
                }
            }
        }
    }

    @Test
    void foldsKeepSumsOfManyLargeTermsExact() {
        // toy ring (N = 16, one 49-bit prime): a = (q - 1) / 2, b = 1 makes every lane term +(q - 1) / 2, so
        // 40,000 unfolded terms would pass 2^63
        CkksParameters toy = CkksParameters.of(new CkksParametersLiteral(4, java.util.List.of(49),
                java.util.List.of(), 20, SecurityLevel.BITS_128, true));
        long q = toy.qModulus(0);
        Evaluator ev = new Evaluator(toy, null);
        int terms = 40_000;
        Ciphertext a = ev.newCiphertext(1, 0, 1 << 20);
        Ciphertext one = ev.newCiphertext(1, 0, 1 << 20);
        for (int k = 0; k < 2; k++) {
            java.util.Arrays.fill(a.poly(k).limb(0), (q - 1) / 2);
            java.util.Arrays.fill(one.poly(k).limb(0), 1);
        }
        Ciphertext[] as = new Ciphertext[terms];
        PreparedCiphertext[] bs = new PreparedCiphertext[terms];
        PreparedCiphertext prepared = new PreparedCiphertext(toy, one, true);
        java.util.Arrays.fill(as, a);
        java.util.Arrays.fill(bs, prepared);
        Ciphertext out = ev.newCiphertext(2, 0, 1);
        new PreparedInnerProduct(toy).compute(as, bs, terms, 0, out);
        BigInteger term = BigInteger.valueOf((q - 1) / 2);
        long expected = term.multiply(BigInteger.valueOf(terms)).mod(BigInteger.valueOf(q)).longValueExact();
        long middle = term.multiply(BigInteger.valueOf(2 * terms)).mod(BigInteger.valueOf(q)).longValueExact();
        for (int c = 0; c < 16; c++) {
            assertTrue(out.poly(0).limb(0)[c] == expected && out.poly(2).limb(0)[c] == expected
                    && out.poly(1).limb(0)[c] == middle, "coefficient " + c + ": " + out.poly(0).limb(0)[c]);
        }
    }

    @Test
    void primesOfFiftyBitsOrMoreAreRefusedAndPreparedWithoutRatios() {
        long q = CkksPresets.byName("LITE_N4096").qModulus(0);
        var e = assertThrows(IllegalArgumentException.class, () -> SimdInnerProduct.compute(new long[1][8],
                new long[1][8], new long[1][8], new long[1][8], new long[1][8], new double[1][8], new double[1][8],
                new double[1][8], 1, q, new long[8], new long[8], new long[8]));
        assertTrue(e.getMessage().contains("2^50"), e.getMessage());
        CkksParameters lite = CkksPresets.byName("LITE_N4096");
        Evaluator ev = new Evaluator(lite, null);
        assertNull(new PreparedCiphertext(lite, filled(ev, lite, new SplittableRandom(3), false), true).ratios(0, 0));
        assertNull(new PreparedCiphertext(CkksPresets.byName("SEARCH_N4096"), filled(new Evaluator(
                CkksPresets.byName("SEARCH_N4096"), null), CkksPresets.byName("SEARCH_N4096"), new SplittableRandom(4),
                false), false).ratios(0, 0), "no ratios unless asked for");
        assertTrue(Evaluator.blockProductKernel().equals(SimdSupport.ENABLED ? "simd-512 (Vector API)" : "scalar"));
    }

    private static Ciphertext filled(Evaluator ev, CkksParameters params, SplittableRandom random, boolean extreme) {
        Ciphertext ct = ev.newCiphertext(1, params.maxLevel(), Math.pow(2, 38));
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i <= params.maxLevel(); i++) {
                long q = params.qModulus(i);
                long[] limb = ct.poly(k).limb(i);
                for (int c = 0; c < limb.length; c++) {
                    limb[c] = extreme ? q - 1 : random.nextLong(q);
                }
            }
        }
        return ct;
    }
}
