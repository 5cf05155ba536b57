package org.hersj.fhe.ckks.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.hersj.fhe.ckks.Ciphertext;
import org.hersj.fhe.ckks.CkksEncoder;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ckks.Decryptor;
import org.hersj.fhe.ckks.EvaluationKeys;
import org.hersj.fhe.ckks.Encryptor;
import org.hersj.fhe.ckks.Evaluator;
import org.hersj.fhe.ckks.GaloisKeys;
import org.hersj.fhe.ckks.KeyGenerator;
import org.hersj.fhe.ckks.Plaintext;
import org.hersj.fhe.ckks.PrecisionStats;
import org.hersj.fhe.ckks.PublicKey;
import org.hersj.fhe.ckks.RelinearizationKey;
import org.hersj.fhe.ckks.SecretKey;
import org.hersj.fhe.ckks.SecurityLevel;
import org.hersj.fhe.ring.RandomSource;
import org.junit.jupiter.api.Test;

class CkksSerializerTest {
    private static final CkksParameters PARAMS = CkksPresets.byName("SEARCH_N4096");
    private static final CkksParameters OTHER = CkksParameters.of(new CkksParametersLiteral(12, List.of(46, 38),
            List.of(25), 37, SecurityLevel.BITS_128, false));
    private static final KeyGenerator KEYS = new KeyGenerator(PARAMS, RandomSource.seededForTestsOnly(31));
    private static final SecretKey SK = KEYS.secretKey();
    private static final PublicKey PK = KEYS.publicKey(SK);
    private static final CkksSerializer SERIALIZER = new CkksSerializer(PARAMS);
    private static final double[] VALUES = {0.5, -0.25, 0.125, 0.75};

    private static Ciphertext encrypt(PublicKey pk) {
        CkksEncoder encoder = new CkksEncoder(PARAMS);
        return Encryptor.withPublicKey(PARAMS, pk, RandomSource.seededForTestsOnly(2))
                .encryptNew(encoder.encodeNew(VALUES, 1, PARAMS.defaultScale()));
    }

    private static double[] decrypt(SecretKey sk, Ciphertext ct) {
        return Arrays.copyOf(new CkksEncoder(PARAMS).decode(new Decryptor(PARAMS, sk).decryptNew(ct)), VALUES.length);
    }

    @Test
    void everyObjectRoundTrips() {
        CkksParameters params = CkksSerializer.readParameters(CkksSerializer.writeParameters(PARAMS), "params");
        assertEquals(PARAMS.fingerprint(), params.fingerprint());

        SecretKey sk = SERIALIZER.readSecretKey(SERIALIZER.writeSecretKey(SK), "sk");
        PublicKey pk = SERIALIZER.readPublicKey(SERIALIZER.writePublicKey(PK), "pk");
        RelinearizationKey rlk = SERIALIZER.readRelinearizationKey(
                SERIALIZER.writeRelinearizationKey(KEYS.relinearizationKey(SK)), "rlk");
        GaloisKeys galois = SERIALIZER.readGaloisKeys(SERIALIZER.writeGaloisKeys(KEYS.galoisKeys(SK, 1, -1)), "gk");
        assertEquals(2, galois.byGaloisElement().size());

        Ciphertext ct = SERIALIZER.readCiphertext(SERIALIZER.writeCiphertext(encrypt(pk)), "ct");
        assertTrue(PrecisionStats.of(VALUES, decrypt(sk, ct)).minBits() > 20);
        Evaluator evaluator = new Evaluator(PARAMS, new EvaluationKeys(rlk, galois));
        Ciphertext square = evaluator.rescaleNew(evaluator.multiplyNew(ct, ct));
        double[] squares = Arrays.stream(VALUES).map(v -> v * v).toArray();
        assertTrue(PrecisionStats.of(squares, decrypt(sk, square)).minBits() > 20, "relinearisation key survives");
        double[] rotated = decrypt(sk, evaluator.rotateNew(ct, 1));
        double[] expected = {VALUES[1], VALUES[2], VALUES[3], 0};
        assertTrue(PrecisionStats.of(expected, rotated).minBits() > 20, "Galois key survives");

        Plaintext pt = new CkksEncoder(PARAMS).encodeNew(VALUES, 0, 1 << 20);
        Plaintext back = SERIALIZER.readPlaintext(SERIALIZER.writePlaintext(pt), "pt");
        assertEquals(pt.level(), back.level());
        assertEquals(pt.scale(), back.scale());
        assertArrayEquals(pt.poly().limb(0), back.poly().limb(0));
    }

    @Test
    void formatOneFramesOfRelease010AreStillReadAndTheKeyFingerprintIsTheirs() {
        byte[] current = SERIALIZER.writeCiphertext(encrypt(PK));
        assertTrue(Frame.FORMAT.matches(current), "writes the envelope");
        Frame.Parsed parsed = Frame.parse(current, "ct");
        byte[] payload = new byte[parsed.payload().remaining()];
        parsed.payload().get(payload);
        byte[] formatOne = FrameV1.wrap(ObjectType.CIPHERTEXT, PARAMS.fingerprint(), payload);
        assertTrue(PrecisionStats.of(VALUES, decrypt(SK, SERIALIZER.readCiphertext(formatOne, "old.ct"))).minBits() > 20);
        byte[] flipped = formatOne.clone();
        flipped[100] ^= 1;
        assertThrows(CkksFormatException.class, () -> SERIALIZER.readCiphertext(flipped, "old.ct"));
        assertEquals(ObjectType.SECRET_KEY, Frame.typeOf(Arrays.copyOf(SERIALIZER.writeSecretKey(SK),
                CkksSerializer.TYPE_PROBE_BYTES)));
        byte[] pkPayload = new byte[Frame.parse(SERIALIZER.writePublicKey(PK), "pk").payload().remaining()];
        Frame.parse(SERIALIZER.writePublicKey(PK), "pk").payload().get(pkPayload);
        assertEquals(org.hersj.fhe.io.Sha256.hex(FrameV1.wrap(ObjectType.PUBLIC_KEY, PARAMS.fingerprint(), pkPayload)),
                SERIALIZER.publicKeyFingerprint(PK), "the key fingerprint stays the hash of the 0.1.0 file");
        assertEquals(ObjectType.SECRET_KEY, Frame.typeOf(Arrays.copyOf(FrameV1.wrap(ObjectType.SECRET_KEY,
                PARAMS.fingerprint(), new byte[8]), CkksSerializer.TYPE_PROBE_BYTES)));
    }

    @Test
    void publicKeysOverQpAndOverQBothRoundTripAndEncrypt() {
        PublicKey extended = SERIALIZER.readPublicKey(SERIALIZER.writePublicKey(PK), "pk");
        assertTrue(extended.extended(), "keys of a preset with a special prime are written over QP");
        assertArrayEquals(PK.b().limb(2), extended.b().limb(2), "the special prime's limb survives");
        int q = PARAMS.maxLevel() + 1;
        org.hersj.fhe.ring.RnsPoly b = new org.hersj.fhe.ring.RnsPoly(PARAMS.ringDegree(), q);
        org.hersj.fhe.ring.RnsPoly a = new org.hersj.fhe.ring.RnsPoly(PARAMS.ringDegree(), q);
        b.copyFrom(PK.b(), q);
        a.copyFrom(PK.a(), q);
        byte[] overQBytes = SERIALIZER.writePublicKey(new PublicKey(PARAMS, b, a));
        assertTrue(overQBytes.length < SERIALIZER.writePublicKey(PK).length);
        PublicKey overQ = SERIALIZER.readPublicKey(overQBytes, "pk over Q (HERS-J 0.1.0)");
        assertTrue(!overQ.extended());
        for (PublicKey pk : new PublicKey[] {extended, overQ}) {
            assertTrue(PrecisionStats.of(VALUES, decrypt(SK, encrypt(pk))).minBits() > 20, "encrypts under " + pk);
        }
        byte[] truncated = Arrays.copyOf(overQBytes, overQBytes.length - 8);
        assertThrows(RuntimeException.class, () -> SERIALIZER.readPublicKey(truncated, "pk"));
    }

    private static void assertRejected(byte[] bytes, Function<byte[], Object> reader, String expectedText) {
        CkksFormatException e = assertThrows(CkksFormatException.class, () -> reader.apply(bytes));
        assertTrue(e.getMessage().contains(expectedText), e.getMessage());
    }

    @Test
    void tamperedTruncatedAndMistypedInputIsRejected() {
        byte[] ct = SERIALIZER.writeCiphertext(encrypt(PK));
        Function<byte[], Object> readCt = b -> SERIALIZER.readCiphertext(b, "gallery/ct.bin");
        for (int position : new int[] {0, 5, 6, 9, 40, 48, 56, 1000, ct.length / 2, ct.length - 1}) {
            byte[] flipped = ct.clone();
            flipped[position] ^= 0x10;
            assertThrows(CkksFormatException.class, () -> readCt.apply(flipped), "flipped byte " + position);
        }
        for (int length : new int[] {0, 10, 60, ct.length / 3, ct.length - 1}) {
            assertRejected(Arrays.copyOf(ct, length), readCt, "truncated");
        }
        assertRejected(ct, b -> SERIALIZER.readPublicKey(b, "pk"), "expected PUBLIC_KEY");
        byte[] extended = Arrays.copyOf(ct, ct.length + 1);
        assertThrows(CkksFormatException.class, () -> readCt.apply(extended));
        CkksFormatException e = assertThrows(CkksFormatException.class, () -> readCt.apply(Arrays.copyOf(ct, 3)));
        assertTrue(e.getMessage().startsWith("gallery/ct.bin"), "names the source: " + e.getMessage());
    }

    @Test
    void objectsOfOtherParametersAreRejected() {
        CkksSerializer other = new CkksSerializer(OTHER);
        assertRejected(SERIALIZER.writeSecretKey(SK), b -> other.readSecretKey(b, "sk"), "other CKKS parameters");
        assertRejected(SERIALIZER.writeCiphertext(encrypt(PK)), b -> other.readCiphertext(b, "ct"), "other CKKS parameters");
    }

    @Test
    void rawPayloadRoundTripsAndChecksRanges() {
        Ciphertext ct = encrypt(PK);
        int size = CkksSerializer.ciphertextSize(PARAMS, 1, 1);
        assertEquals(8 + 2 * 2 * 4096 * 8, size);
        ByteBuffer buffer = ByteBuffer.allocate(size + 16);
        buffer.position(16);
        CkksSerializer.writeCiphertextPayload(buffer, ct);
        assertEquals(size + 16, buffer.position());
        buffer.position(16);
        Ciphertext back = new Ciphertext(PARAMS, 1, 1, 1);
        CkksSerializer.readCiphertextPayload(buffer, PARAMS, 1, 1, back);
        assertEquals(ct.scale(), back.scale());
        assertArrayEquals(ct.poly(1).limb(1), back.poly(1).limb(1));
        assertTrue(PrecisionStats.of(VALUES, decrypt(SK, back)).minBits() > 20);

        ByteBuffer shortBuffer = ByteBuffer.allocate(size - 1);
        assertThrows(CkksFormatException.class,
                () -> CkksSerializer.readCiphertextPayload(shortBuffer, PARAMS, 1, 1, back));
        ByteBuffer corrupt = ByteBuffer.allocate(size);
        CkksSerializer.writeCiphertextPayload(corrupt, ct);
        corrupt.putLong(8, -1L);
        corrupt.position(0);
        assertThrows(CkksFormatException.class, () -> CkksSerializer.readCiphertextPayload(corrupt, PARAMS, 1, 1, back));
    }
}
