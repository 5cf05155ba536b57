package org.hersj.fhe.ckks;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hersj.fhe.ring.RandomSource;
import org.junit.jupiter.api.Test;

class EncryptionTest {
    private static final TestKeys N4096 = new TestKeys(CkksPresets.byName("SEARCH_N4096"), 1);

    @Test
    void publicAndSecretKeyEncryptionRoundTrip() {
        double[] values = TestKeys.randomValues(N4096.params.slots(), 1, 5);
        PrecisionStats pk = PrecisionStats.of(values, N4096.decrypt(N4096.encrypt(values)));
        assertTrue(pk.minBits() > 20, "public key: " + pk);
        Encryptor secret = Encryptor.withSecretKey(N4096.params, N4096.secretKey, RandomSource.seededForTestsOnly(8));
        for (int level = 0; level <= 1; level++) {
            Plaintext pt = N4096.encoder.encodeNew(values, level, N4096.params.defaultScale());
            PrecisionStats sk = PrecisionStats.of(values, N4096.encoder.decode(N4096.decryptor.decryptNew(secret.encryptNew(pt))));
            assertTrue(sk.minBits() > 22, "secret key, level " + level + ": " + sk);
        }
    }

    @Test
    void encryptionIsRandomised() {
        double[] values = {1, 2, 3};
        Ciphertext a = N4096.encrypt(values);
        Ciphertext b = N4096.encrypt(values);
        assertTrue(a.poly(1).limb(0)[0] != b.poly(1).limb(0)[0] || a.poly(1).limb(0)[1] != b.poly(1).limb(0)[1]);
    }

    @Test
    void wrongKeyDecryptsToGarbage() {
        double[] values = TestKeys.randomValues(64, 1, 6);
        Ciphertext ct = N4096.encrypt(values);
        TestKeys other = new TestKeys(N4096.params, 2);
        double[] garbage = other.decrypt(ct);
        PrecisionStats stats = PrecisionStats.of(values, garbage);
        assertTrue(stats.maxAbsError() > 1000, "wrong key must not decrypt: " + stats);
    }

    @Test
    void keysOfOtherParametersAreRefused() {
        CkksParameters other = CkksParameters.of(new CkksParametersLiteral(12, List.of(46, 38), List.of(25), 37,
                SecurityLevel.BITS_128, false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Decryptor(other, N4096.secretKey));
        assertTrue(e.getMessage().contains("other parameters"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Encryptor.withPublicKey(other, N4096.publicKey, RandomSource.seededForTestsOnly(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new KeyGenerator(other, RandomSource.seededForTestsOnly(1)).publicKey(N4096.secretKey));
    }

    @Test
    void ciphertextsOfOtherParametersAreRefusedByEveryRole() {
        CkksParameters otherParams = CkksParameters.of(new CkksParametersLiteral(12, List.of(46, 38), List.of(25), 37,
                SecurityLevel.BITS_128, false));
        TestKeys other = new TestKeys(otherParams, 3);
        Ciphertext foreign = other.encrypt(new double[] {1, 2});
        Ciphertext own = N4096.encrypt(new double[] {1, 2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> N4096.evaluator.addNew(own, foreign));
        assertTrue(e.getMessage().contains("other CKKS parameters"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> N4096.evaluator.multiplyNew(foreign, own));
        assertThrows(IllegalArgumentException.class, () -> N4096.decryptor.decryptNew(foreign));
        assertThrows(IllegalArgumentException.class,
                () -> N4096.encryptor.encryptNew(other.encoder.encodeNew(new double[] {1}, 1, 1 << 20)));
        assertThrows(IllegalArgumentException.class, () -> N4096.encoder.decode(other.decryptor.decryptNew(foreign)));
    }

    @Test
    void decryptionEqualsHornersRuleResidueForResidue() {
        for (String preset : List.of("SEARCH_N4096", "SEARCH_N8192", "DEEP_N16384")) {
            TestKeys k = preset.equals("SEARCH_N4096") ? N4096 : new TestKeys(CkksPresets.byName(preset), 7, false);
            Ciphertext fresh = k.encrypt(TestKeys.randomValues(16, 1, 9));
            Ciphertext product = new Evaluator(k.params, null).multiplyNoRelinNew(fresh, k.encrypt(TestKeys.randomValues(16, 1, 10)));
            Ciphertext largest = new Ciphertext(k.params, 2, k.params.maxLevel(), product.scale()); // every residue q - 1
            for (int d = 0; d <= 2; d++) {
                for (int i = 0; i <= largest.level(); i++) {
                    java.util.Arrays.fill(largest.poly(d).limb(i), k.params.ring().modulus(i).value() - 1);
                }
            }
            for (Ciphertext ct : List.of(fresh, product, largest)) {
                Plaintext pt = k.decryptor.decryptNew(ct);
                for (int i = 0; i <= ct.level(); i++) {
                    org.hersj.fhe.arith.Modulus m = k.params.ring().modulus(i);
                    long[] expected = ct.poly(ct.degree()).limb(i).clone();
                    for (int d = ct.degree() - 1; d >= 0; d--) {
                        org.hersj.fhe.ring.LimbArithmetic.mulAdd(expected, k.secretKey.poly().limb(i), ct.poly(d).limb(i),
                                expected, m);
                    }
                    org.junit.jupiter.api.Assertions.assertArrayEquals(expected, pt.poly().limb(i),
                            preset + ", degree " + ct.degree() + ", limb " + i);
                }
            }
        }
    }

    @Test
    void secretsAreNotPrinted() {
        assertTrue(N4096.decryptor.toString().contains("redacted") && !N4096.decryptor.toString().matches(".*\\d{6,}.*"));
        assertTrue(N4096.secretKey.toString().contains("redacted"));
        assertTrue(!N4096.secretKey.poly().toString().matches(".*\\d{6,}.*"));
    }
}
