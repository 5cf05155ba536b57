package org.hersj.fhe.ckks.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.hersj.fhe.ckks.Ciphertext;
import org.hersj.fhe.ckks.CkksEncoder;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ckks.Decryptor;
import org.hersj.fhe.ckks.Encryptor;
import org.hersj.fhe.ckks.KeyGenerator;
import org.hersj.fhe.ckks.SecretKey;
import org.hersj.fhe.ckks.SecurityLevel;
import org.hersj.fhe.ring.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Bit-packed ciphertext payloads: the residues come back exactly, the size is the bit length of each
 * prime, and short, out-of-range or other-parameter input is refused.
 */
class PackedPayloadTest {

    private static final CkksParameters TWO_PRIMES = CkksPresets.byName("SEARCH_N4096"); // 46 + 38 bits
    private static final CkksParameters ONE_PRIME = CkksPresets.byName("LITE_N2048"); // 54 bits

    private static Ciphertext fresh(CkksParameters params, SecretKey sk, double... values) {
        CkksEncoder encoder = new CkksEncoder(params);
        return Encryptor.withSecretKey(params, sk, RandomSource.seededForTestsOnly(3))
                .encryptNew(encoder.encodeNew(values, params.maxLevel(), params.defaultScale()));
    }

    private static ByteBuffer packed(Ciphertext ct) {
        ByteBuffer b = ByteBuffer.allocate(CompactPayloads.packedCiphertextSize(ct.params(), ct.degree(), ct.level()))
                .order(ByteOrder.LITTLE_ENDIAN);
        CompactPayloads.writePackedCiphertextPayload(b, ct);
        assertEquals(b.capacity(), b.position(), "the writer fills exactly the announced size");
        return b.flip();
    }

    @Test
    void residuesRoundTripExactlyInTheBitsOfTheirPrimes() {
        for (CkksParameters params : List.of(TWO_PRIMES, ONE_PRIME)) {
            SecretKey sk = new KeyGenerator(params, RandomSource.seededForTestsOnly(1)).secretKey();
            Ciphertext ct = fresh(params, sk, 0.5, -0.25, 0.75);
            ByteBuffer b = packed(ct);
            Ciphertext back = new Ciphertext(params, 1, params.maxLevel(), 1);
            CompactPayloads.readPackedCiphertextPayload(b, params, 1, params.maxLevel(), back);
            assertEquals(b.limit(), b.position());
            assertEquals(ct.scale(), back.scale());
            for (int d = 0; d <= 1; d++) {
                for (int i = 0; i <= params.maxLevel(); i++) {
                    assertArrayEquals(ct.poly(d).limb(i), back.poly(d).limb(i), "poly " + d + " limb " + i);
                }
            }
            double[] decoded = new CkksEncoder(params).decode(new Decryptor(params, sk).decryptNew(back));
            assertEquals(-0.25, decoded[1], 1e-5);
        }
        int bits = 0;
        for (int i = 0; i <= TWO_PRIMES.maxLevel(); i++) {
            bits += 64 - Long.numberOfLeadingZeros(TWO_PRIMES.qModulus(i));
        }
        assertEquals(46 + 38, bits);
        assertEquals(8 + 2 * 4096 * (46 + 38) / 8, CompactPayloads.packedCiphertextSize(TWO_PRIMES, 1, 1));
        assertEquals(8 + 3 * 2048 * 54 / 8, CompactPayloads.packedCiphertextSize(ONE_PRIME, 2, 0));
    }

    @Test
    void toyRingsWhoseRunsDoNotFillWholeWordsRoundTrip() {
        CkksParameters toy = CkksParameters.of(new CkksParametersLiteral(4, List.of(23), List.of(), 8,
                SecurityLevel.BITS_128, true));
        SecretKey sk = new KeyGenerator(toy, RandomSource.seededForTestsOnly(2)).secretKey();
        Ciphertext ct = fresh(toy, sk, 0.5);
        ByteBuffer b = packed(ct);
        assertEquals(8 + 2 * 6 * 8, b.limit(), "16 residues of 23 bits = 368 bits: 6 words per run");
        Ciphertext back = new Ciphertext(toy, 1, 0, 1);
        CompactPayloads.readPackedCiphertextPayload(b, toy, 1, 0, back);
        assertArrayEquals(ct.poly(1).limb(0), back.poly(1).limb(0));
    }

    @Test
    void truncatedOutOfRangeAndOtherParameterPayloadsAreRefused() {
        SecretKey sk = new KeyGenerator(ONE_PRIME, RandomSource.seededForTestsOnly(4)).secretKey();
        ByteBuffer b = packed(fresh(ONE_PRIME, sk, 0.5));
        Ciphertext out = new Ciphertext(ONE_PRIME, 1, 0, 1);
        ByteBuffer shortCopy = ByteBuffer.wrap(java.util.Arrays.copyOf(b.array(), b.limit() - 8));
        var truncated = assertThrows(CkksFormatException.class,
                () -> CompactPayloads.readPackedCiphertextPayload(shortCopy, ONE_PRIME, 1, 0, out));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());

        byte[] tampered = b.array().clone();
        for (int k = 8; k < 8 + 7; k++) {
            tampered[k] = (byte) 0xff; // first residue: 54 bits of ones, above the 54-bit prime
        }
        tampered[14] = (byte) 0x3f;
        var range = assertThrows(CkksFormatException.class, () -> CompactPayloads.readPackedCiphertextPayload(
                ByteBuffer.wrap(tampered).order(ByteOrder.LITTLE_ENDIAN), ONE_PRIME, 1, 0, out));
        assertTrue(range.getMessage().contains("not below its prime"), range.getMessage());

        Ciphertext other = new Ciphertext(CkksPresets.byName("LITE_N4096"), 1, 0, 1);
        assertThrows(IllegalArgumentException.class,
                () -> CompactPayloads.readPackedCiphertextPayload(b.duplicate(), ONE_PRIME, 1, 0, other));
    }

    @Test
    void seededCiphertextsStoreTheSeedAndHalfTheResiduesAndExpandBack() {
        SecretKey sk = new KeyGenerator(ONE_PRIME, RandomSource.seededForTestsOnly(5)).secretKey();
        Encryptor encryptor = Encryptor.withSecretKey(ONE_PRIME, sk, RandomSource.seededForTestsOnly(9));
        var pt = new CkksEncoder(ONE_PRIME).encodeNew(new double[] {0.5, -0.125}, 0, ONE_PRIME.defaultScale());
        Ciphertext ct = encryptor.encryptNew(pt);
        assertEquals(32, ct.seed().length, "secret-key encryption expands c_1 from a fresh seed");
        Ciphertext again = encryptor.encryptNew(pt);
        assertTrue(!java.util.Arrays.equals(ct.seed(), again.seed()), "a fresh seed per ciphertext");
        ByteBuffer b = ByteBuffer.allocate(CompactPayloads.seededCiphertextSize(ONE_PRIME, 0)).order(ByteOrder.LITTLE_ENDIAN);
        CompactPayloads.writeSeededCiphertextPayload(b, ct);
        assertEquals(8 + 32 + 2048 * 54 / 8, b.position());
        b.flip();
        Ciphertext back = new Ciphertext(ONE_PRIME, 1, 0, 1);
        CompactPayloads.readSeededCiphertextPayload(b, ONE_PRIME, 0, back);
        assertArrayEquals(ct.poly(0).limb(0), back.poly(0).limb(0));
        assertArrayEquals(ct.poly(1).limb(0), back.poly(1).limb(0), "c_1 regenerated from the seed");
        double[] decoded = new CkksEncoder(ONE_PRIME).decode(new Decryptor(ONE_PRIME, sk).decryptNew(back));
        assertEquals(-0.125, decoded[1], 1e-5);

        // another key cannot decrypt it
        SecretKey other = new KeyGenerator(ONE_PRIME, RandomSource.seededForTestsOnly(6)).secretKey();
        double[] wrong = new CkksEncoder(ONE_PRIME).decode(new Decryptor(ONE_PRIME, other).decryptNew(back));
        assertTrue(Math.abs(wrong[1] + 0.125) > 1e-2, "decrypted with another key: " + wrong[1]);

        // a tampered seed expands to another c_1: the plaintext is lost (records catch it by their checksum)
        byte[] tampered = b.array().clone();
        tampered[8] ^= 1;
        Ciphertext bad = new Ciphertext(ONE_PRIME, 1, 0, 1);
        CompactPayloads.readSeededCiphertextPayload(ByteBuffer.wrap(tampered), ONE_PRIME, 0, bad);
        double[] garbled = new CkksEncoder(ONE_PRIME).decode(new Decryptor(ONE_PRIME, sk).decryptNew(bad));
        assertTrue(Math.abs(garbled[1] + 0.125) > 1e-2, "tampered seed: " + garbled[1]);

        var truncated = assertThrows(CkksFormatException.class, () -> CompactPayloads.readSeededCiphertextPayload(
                ByteBuffer.wrap(java.util.Arrays.copyOf(tampered, 40)), ONE_PRIME, 0, bad));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());

        // a public-key ciphertext (uniform c_1 of no seed) cannot be written seeded
        Ciphertext publicKey = Encryptor.withPublicKey(ONE_PRIME, new KeyGenerator(ONE_PRIME,
                RandomSource.seededForTestsOnly(7)).publicKey(sk), RandomSource.seededForTestsOnly(8))
                .encryptNew(new CkksEncoder(ONE_PRIME).encodeNew(new double[] {0.5}, 0, ONE_PRIME.defaultScale()));
        assertEquals(null, publicKey.seed());
        assertThrows(IllegalArgumentException.class, () -> CompactPayloads.writeSeededCiphertextPayload(
                ByteBuffer.allocate(1 << 16), publicKey));
    }
}
