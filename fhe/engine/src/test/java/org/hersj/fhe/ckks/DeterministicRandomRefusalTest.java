package org.hersj.fhe.ckks;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hersj.fhe.ring.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Outside test runs (without {@link RandomSource#ALLOW_TEST_STREAMS_PROPERTY}) key generation, encryption and
 * the noise flooding of decryptions refuse a deterministic stream; a secure one is always accepted.
 */
class DeterministicRandomRefusalTest {

    @Test
    void keyGenerationAndEncryptionRefuseTestStreamsOutsideTests() {
        CkksParameters params = CkksPresets.byName("SEARCH_N4096");
        TestKeys keys = new TestKeys(params, 61);
        String saved = System.clearProperty(RandomSource.ALLOW_TEST_STREAMS_PROPERTY);
        try {
            IllegalStateException kg = assertThrows(IllegalStateException.class,
                () -> new KeyGenerator(params, RandomSource.seededForTestsOnly(1)));
            assertTrue(kg.getMessage().contains("CKKS key generation refuses a deterministic test stream"), kg.getMessage());
            IllegalStateException pk = assertThrows(IllegalStateException.class,
                () -> Encryptor.withPublicKey(params, keys.publicKey, RandomSource.seededForTestsOnly(2)));
            assertTrue(pk.getMessage().contains("CKKS encryption refuses"), pk.getMessage());
            assertThrows(IllegalStateException.class,
                () -> Encryptor.withSecretKey(params, keys.secretKey, RandomSource.seededForTestsOnly(3)));
            IllegalStateException flooding = assertThrows(IllegalStateException.class,
                () -> new NoiseFlooding(params, NoiseFlooding.DEFAULT_BITS, RandomSource.seededForTestsOnly(4)));
            assertTrue(flooding.getMessage().contains("noise flooding of decryptions refuses"), flooding.getMessage());
            new NoiseFlooding(params, NoiseFlooding.DEFAULT_BITS, RandomSource.secure());
            new KeyGenerator(params, RandomSource.secure());
            Encryptor.withPublicKey(params, keys.publicKey, RandomSource.secure());
        } finally {
            if (saved != null) {
                System.setProperty(RandomSource.ALLOW_TEST_STREAMS_PROPERTY, saved);
            }
        }
    }
}
