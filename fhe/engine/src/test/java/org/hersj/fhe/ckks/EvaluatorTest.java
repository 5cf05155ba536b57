package org.hersj.fhe.ckks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final TestKeys N4096 = new TestKeys(CkksPresets.byName("SEARCH_N4096"), 21, 1, 2, 4, 8, -3, 100);
    private static final TestKeys N8192 = new TestKeys(CkksPresets.byName("SEARCH_N8192"), 22, 1, 2, 4, 8, -3, 100);

    private static double[] apply(double[] a, double[] b, java.util.function.DoubleBinaryOperator op) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = op.applyAsDouble(a[i], b[i]);
        }
        return out;
    }

    @Test
    void addSubNegate() {
        TestKeys k = N4096;
        double[] a = TestKeys.randomValues(k.params.slots(), 1, 1);
        double[] b = TestKeys.randomValues(k.params.slots(), 1, 2);
        Ciphertext ca = k.encrypt(a);
        Ciphertext cb = k.encrypt(b);
        assertTrue(PrecisionStats.of(apply(a, b, Double::sum), k.decrypt(k.evaluator.addNew(ca, cb))).minBits() > 20);
        assertTrue(PrecisionStats.of(apply(a, b, (x, y) -> x - y), k.decrypt(k.evaluator.subNew(ca, cb))).minBits() > 20);
        double[] neg = apply(a, a, (x, y) -> -x);
        assertTrue(PrecisionStats.of(neg, k.decrypt(k.evaluator.negateNew(ca))).minBits() > 20);
    }

    @Test
    void multiplyRelinearizeRescaleAtBothSearchPresets() {
        for (TestKeys k : new TestKeys[] {N4096, N8192}) {
            double[] a = TestKeys.randomValues(k.params.slots(), 1, 3);
            double[] b = TestKeys.randomValues(k.params.slots(), 1, 4);
            Ciphertext product = k.evaluator.rescaleNew(k.evaluator.multiplyNew(k.encrypt(a), k.encrypt(b)));
            assertEquals(0, product.level());
            assertEquals(1, product.degree());
            PrecisionStats stats = PrecisionStats.of(apply(a, b, (x, y) -> x * y), k.decrypt(product));
            assertTrue(stats.minBits() >= 20, "N = " + k.params.ringDegree() + ": " + stats);
        }
    }

    @Test
    void degreeTwoCiphertextDecryptsDirectly() {
        TestKeys k = N8192;
        double[] a = TestKeys.randomValues(k.params.slots(), 1, 5);
        double[] b = TestKeys.randomValues(k.params.slots(), 1, 6);
        Ciphertext d2 = k.evaluator.multiplyNoRelinNew(k.encrypt(a), k.encrypt(b));
        assertEquals(2, d2.degree());
        PrecisionStats stats = PrecisionStats.of(apply(a, b, (x, y) -> x * y), k.decrypt(d2));
        assertTrue(stats.minBits() >= 20, stats.toString());
        Ciphertext relin = k.evaluator.relinearizeNew(d2);
        PrecisionStats after = PrecisionStats.of(apply(a, b, (x, y) -> x * y), k.decrypt(relin));
        assertTrue(after.minBits() >= 20, after.toString());
    }

    @Test
    void multiplyAccumulateOf512ProductsGivesInnerProductsTo1e6() {
        for (TestKeys k : new TestKeys[] {N4096, N8192}) {
            int dims = k == N4096 ? 512 : 64;
            int slots = k.params.slots();
            // gallery items (one per slot) and one probe, unit vectors as in the search
            double[][] gallery = new double[dims][slots];
            double[] probe = TestKeys.randomValues(dims, 1, 99);
            double[] norms = new double[slots];
            double probeNorm = 0;
            for (int j = 0; j < dims; j++) {
                gallery[j] = TestKeys.randomValues(slots, 1, 1000 + j);
                probeNorm += probe[j] * probe[j];
                for (int s = 0; s < slots; s++) {
                    norms[s] += gallery[j][s] * gallery[j][s];
                }
            }
            double[] expected = new double[slots];
            for (int j = 0; j < dims; j++) {
                probe[j] /= Math.sqrt(probeNorm);
            }
            for (int j = 0; j < dims; j++) {
                for (int s = 0; s < slots; s++) {
                    gallery[j][s] /= Math.sqrt(norms[s]);
                    expected[s] += gallery[j][s] * probe[j];
                }
            }
            Ciphertext acc = k.evaluator.newCiphertext(2, 1, k.params.defaultScale() * k.params.defaultScale());
            Ciphertext g = k.evaluator.newCiphertext(1, 1, 1);
            Ciphertext p = k.evaluator.newCiphertext(1, 1, 1);
            for (int j = 0; j < dims; j++) {
                k.encryptor.encrypt(k.encoder.encodeNew(gallery[j], 1, k.params.defaultScale()), g);
                k.encryptor.encrypt(k.encoder.encodeConstantNew(probe[j], 1, k.params.defaultScale()), p);
                if (j % 2 == 0) {
                    k.evaluator.multiplyAccumulate(g, p, acc);
                } else {
                    k.evaluator.multiplyAccumulate(g, k.evaluator.prepare(p), acc);
                }
            }
            Ciphertext scores = k.evaluator.rescaleNew(k.evaluator.relinearizeNew(acc));
            PrecisionStats stats = PrecisionStats.of(expected, k.decrypt(scores));
            assertTrue(stats.maxAbsError() < 1e-6, "N = " + k.params.ringDegree() + ", d = " + dims + ": " + stats);
        }
    }

    @Test
    void multiplyAccumulateEqualsSumOfProducts() {
        TestKeys k = N8192;
        Ciphertext a = k.encrypt(TestKeys.randomValues(100, 1, 7));
        Ciphertext b = k.encrypt(TestKeys.randomValues(100, 1, 8));
        Ciphertext c = k.encrypt(TestKeys.randomValues(100, 1, 9));
        Ciphertext acc = k.evaluator.newCiphertext(2, 1, a.scale() * b.scale());
        k.evaluator.multiplyAccumulate(a, b, acc);
        k.evaluator.multiplyAccumulate(c, c, acc);
        Ciphertext sum = k.evaluator.addNew(k.evaluator.multiplyNoRelinNew(a, b), k.evaluator.multiplyNoRelinNew(c, c));
        Ciphertext prepared = k.evaluator.newCiphertext(2, 1, a.scale() * b.scale());
        k.evaluator.multiplyAccumulate(a, k.evaluator.prepare(b), prepared);
        k.evaluator.multiplyAccumulate(c, k.evaluator.prepare(c), prepared);
        for (int d = 0; d <= 2; d++) {
            for (int i = 0; i <= 1; i++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(sum.poly(d).limb(i), acc.poly(d).limb(i));
                org.junit.jupiter.api.Assertions.assertArrayEquals(sum.poly(d).limb(i), prepared.poly(d).limb(i),
                        "prepared operand gives the same residues");
            }
        }
    }

    @Test
    void innerProductEqualsRepeatedMultiplyAccumulate() {
        for (TestKeys k : new TestKeys[] {N4096, N8192}) {
            int count = 70; // more than one group of 64 exact 128-bit sums
            Ciphertext[] a = new Ciphertext[count];
            Ciphertext[] b = new Ciphertext[count];
            Ciphertext acc = k.evaluator.newCiphertext(2, 1, k.params.defaultScale() * k.params.defaultScale());
            for (int j = 0; j < count; j++) {
                a[j] = k.encrypt(TestKeys.randomValues(8, 1, 300 + j));
                b[j] = k.encrypt(TestKeys.randomValues(8, 1, 400 + j));
                k.evaluator.multiplyAccumulate(a[j], b[j], acc);
            }
            Ciphertext out = k.evaluator.newCiphertext(2, 1, 1);
            k.evaluator.innerProduct(a, b, count, out);
            assertSameResidues(acc, out, "N = " + k.params.ringDegree());
            // The prepared form (probe side prepared), with an odd and an even number of terms.
            PreparedCiphertext[] prepared = new PreparedCiphertext[count];
            for (int j = 0; j < count; j++) {
                prepared[j] = k.evaluator.prepare(b[j]);
            }
            k.evaluator.innerProduct(a, prepared, count, out);
            assertSameResidues(acc, out, "prepared, N = " + k.params.ringDegree());
            Ciphertext first = k.evaluator.newCiphertext(2, 1, k.params.defaultScale() * k.params.defaultScale());
            for (int j = 0; j < 15; j++) {
                k.evaluator.multiplyAccumulate(a[j], b[j], first);
            }
            k.evaluator.innerProduct(a, prepared, 15, out);
            assertSameResidues(first, out, "prepared, 15 terms");
        }
    }

    private static void assertSameResidues(Ciphertext expected, Ciphertext actual, String what) {
        assertEquals(expected.scale(), actual.scale());
        assertEquals(expected.level(), actual.level());
        for (int d = 0; d <= 2; d++) {
            for (int i = 0; i <= expected.level(); i++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(expected.poly(d).limb(i), actual.poly(d).limb(i),
                        what + ", poly " + d + ", limb " + i);
            }
        }
    }

    @Test
    void preparedInnerProductRefusesMismatchedOperands() {
        Ciphertext a = N4096.encrypt(TestKeys.randomValues(4, 1, 1));
        PreparedCiphertext other = N8192.evaluator.prepare(N8192.encrypt(TestKeys.randomValues(4, 1, 2)));
        Ciphertext out = N4096.evaluator.newCiphertext(2, 1, 1);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> N4096.evaluator.innerProduct(new Ciphertext[] {a}, new PreparedCiphertext[] {other}, 1, out));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("operand b[0]"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> N4096.evaluator.innerProduct(new Ciphertext[] {a}, new PreparedCiphertext[0], 1, out));
    }

    @Test
    void fusedRelinearizeAndRescaleMatchesTheTwoSteps() {
        for (TestKeys k : new TestKeys[] {N4096, N8192}) {
            double[] a = TestKeys.randomValues(k.params.slots(), 1, 31);
            double[] b = TestKeys.randomValues(k.params.slots(), 1, 32);
            Ciphertext d2 = k.evaluator.multiplyNoRelinNew(k.encrypt(a), k.encrypt(b));
            Ciphertext twoSteps = k.evaluator.rescaleNew(k.evaluator.relinearizeNew(d2));
            Ciphertext fused = k.evaluator.newCiphertext(1, 1, 1);
            k.evaluator.relinearizeAndRescale(d2, fused);
            assertEquals(twoSteps.level(), fused.level());
            assertEquals(twoSteps.scale(), fused.scale());
            double[] product = apply(a, b, (x, y) -> x * y);
            PrecisionStats stats = PrecisionStats.of(product, k.decrypt(fused));
            assertTrue(stats.minBits() >= 20, "N = " + k.params.ringDegree() + ": " + stats);
            PrecisionStats agreement = PrecisionStats.of(k.decrypt(twoSteps), k.decrypt(fused));
            assertTrue(agreement.minBits() >= 24, "fused vs two steps: " + agreement);
            k.evaluator.relinearizeAndRescale(d2, d2);
            assertEquals(1, d2.degree());
            assertTrue(PrecisionStats.of(product, k.decrypt(d2)).minBits() >= 20, "in place");
        }
        TestKeys deep = new TestKeys(CkksPresets.byName("DEEP_N16384"), 33);
        double[] a = TestKeys.randomValues(64, 1, 34);
        Ciphertext ca = deep.encrypt(a);
        Ciphertext out = deep.evaluator.newCiphertext(1, deep.params.maxLevel(), 1);
        deep.evaluator.relinearizeAndRescale(deep.evaluator.multiplyNoRelinNew(ca, ca), out);
        assertEquals(deep.params.maxLevel() - 1, out.level());
        assertTrue(PrecisionStats.of(apply(a, a, (x, y) -> x * x), deep.decrypt(out)).minBits() >= 20,
                "two special primes");
    }

    @Test
    void constantsAndPlaintexts() {
        TestKeys k = N8192;
        double[] a = TestKeys.randomValues(k.params.slots(), 1, 10);
        double[] b = TestKeys.randomValues(k.params.slots(), 1, 11);
        Ciphertext ca = k.encrypt(a);
        PrecisionStats integer = PrecisionStats.of(apply(a, a, (x, y) -> -3 * x), k.decrypt(k.evaluator.multiplyConstNew(ca, -3)));
        assertTrue(integer.minBits() > 20, integer.toString());
        Ciphertext scaled = k.evaluator.rescaleNew(k.evaluator.multiplyConstNew(ca, 0.7071));
        assertEquals(ca.scale(), scaled.scale(), 1e-6 * ca.scale(), "rescale restores the scale exactly");
        PrecisionStats real = PrecisionStats.of(apply(a, a, (x, y) -> 0.7071 * x), k.decrypt(scaled));
        assertTrue(real.minBits() > 20, real.toString());
        Plaintext pb = k.encoder.encodeNew(b, 1, k.params.defaultScale());
        Ciphertext prod = k.evaluator.rescaleNew(k.evaluator.multiplyPlainNew(ca, pb));
        PrecisionStats plain = PrecisionStats.of(apply(a, b, (x, y) -> x * y), k.decrypt(prod));
        assertTrue(plain.minBits() > 20, plain.toString());
        assertThrows(IllegalArgumentException.class, () -> k.evaluator.multiplyConstNew(k.evaluator.rescaleNew(ca), 0.5));
    }

    @Test
    void levelsAndScalesAreAligned() {
        TestKeys k = N8192;
        double[] a = TestKeys.randomValues(16, 1, 12);
        Ciphertext top = k.encrypt(a);
        Ciphertext low = k.evaluator.dropLevelNew(k.encrypt(a), 0);
        Ciphertext sum = k.evaluator.addNew(top, low);
        assertEquals(0, sum.level());
        assertTrue(PrecisionStats.of(apply(a, a, Double::sum), k.decrypt(sum)).minBits() > 20);
        Ciphertext rescaled = k.evaluator.rescaleNew(k.evaluator.multiplyNew(top, top));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> k.evaluator.addNew(rescaled, top));
        assertTrue(e.getMessage().contains("scales differ"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> k.evaluator.rescaleNew(rescaled));
        Ciphertext fresh = k.encrypt(a);
        k.evaluator.matchLevelAndScale(fresh, rescaled);
        assertEquals(0, fresh.level());
        assertEquals(rescaled.scale(), fresh.scale());
        double[] expected = apply(a, a, (x, y) -> x + x * x);
        PrecisionStats aligned = PrecisionStats.of(expected, k.decrypt(k.evaluator.addNew(fresh, rescaled)));
        assertTrue(aligned.minBits() >= 20, "a + a^2 after alignment: " + aligned);
        Ciphertext other = k.encrypt(a);
        Ciphertext half = k.evaluator.newCiphertext(1, 1, 1);
        k.evaluator.matchScale(other, other.scale() / 2, half);
        assertEquals(other.scale() / 2, half.scale());
        assertTrue(PrecisionStats.of(a, k.decrypt(half)).minBits() >= 20, "value kept by matchScale");
    }

    @Test
    void rotationsAndSumOfSlotsAtN4096() {
        rotationsAndSumOfSlots(N4096);
    }

    @Test
    void rotationsAndSumOfSlotsAtN8192() {
        rotationsAndSumOfSlots(N8192);
    }

    private static void rotationsAndSumOfSlots(TestKeys k) {
        int slots = k.params.slots();
        double[] a = TestKeys.randomValues(slots, 1, 13);
        Ciphertext ca = k.encrypt(a);
        for (int step : new int[] {1, -3, 100}) {
            double[] expected = new double[slots];
            for (int i = 0; i < slots; i++) {
                expected[i] = a[Math.floorMod(i + step, slots)];
            }
            PrecisionStats stats = PrecisionStats.of(expected, k.decrypt(k.evaluator.rotateNew(ca, step)));
            // Rotations keep ~21 bits at N = 4096 (24-bit key-switching words); the worst of 2048 slots was
            // seen at 19.06 bits for one key, so the bound on the worst slot is 19.
            assertTrue(stats.minBits() >= 19, "N = " + k.params.ringDegree() + ", step " + step + ": " + stats);
        }
        double[] expected = new double[slots];
        for (int i = 0; i < slots; i++) {
            for (int t = 0; t < 16; t++) {
                expected[i] += a[(i + t) % slots];
            }
        }
        PrecisionStats stats = PrecisionStats.of(expected, k.decrypt(k.evaluator.sumSlotsNew(ca, 16)));
        assertTrue(stats.minBits() >= 18, "sumSlots(16): " + stats);
        Ciphertext rescaled = k.evaluator.rescaleNew(k.evaluator.multiplyNew(ca, ca));
        double[] squares = apply(a, a, (x, y) -> x * x);
        double[] shifted = new double[slots];
        for (int i = 0; i < slots; i++) {
            shifted[i] = squares[(i + 2) % slots];
        }
        PrecisionStats after = PrecisionStats.of(shifted, k.decrypt(k.evaluator.rotateNew(rescaled, 2)));
        assertEquals(0, rescaled.level());
        assertTrue(after.minBits() >= 20, "rotation after rescale: " + after);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> k.evaluator.rotateNew(ca, 5));
        assertTrue(missing.getMessage().contains("step 5"), missing.getMessage());
    }

    @Test
    void deepPresetKeepsPrecisionThroughSeveralLevels() {
        TestKeys k = new TestKeys(CkksPresets.byName("DEEP_N16384"), 23, 1);
        double[] a = TestKeys.randomValues(k.params.slots(), 1, 14);
        Ciphertext ct = k.encrypt(a);
        double[] expected = a.clone();
        for (int round = 0; round < 3; round++) {
            ct = k.evaluator.rescaleNew(k.evaluator.multiplyNew(ct, ct));
            for (int i = 0; i < expected.length; i++) {
                expected[i] *= expected[i];
            }
        }
        assertEquals(k.params.maxLevel() - 3, ct.level());
        PrecisionStats stats = PrecisionStats.of(expected, k.decrypt(ct));
        assertTrue(stats.minBits() >= 18, "a^8 after three levels: " + stats);
        double[] shifted = new double[expected.length];
        for (int i = 0; i < expected.length; i++) {
            shifted[i] = expected[(i + 1) % expected.length];
        }
        PrecisionStats rotated = PrecisionStats.of(shifted, k.decrypt(k.evaluator.rotateNew(ct, 1)));
        assertTrue(rotated.minBits() >= 18, "rotation at level 4: " + rotated);
    }
}
