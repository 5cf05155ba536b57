package org.hersj.fhe.openfhe.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ckks.SecurityLevel;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.BlockEvaluator;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.ServerBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenFHE backend through the search layer's interfaces, compared with plaintext arithmetic at
 * SEARCH_N4096 (BV key switching). Precision bounds: fresh encryption 1e-6, one block of 16 products
 * 1e-5 (observed errors are ~100x smaller).
 */
class OpenFheBackendTest {
    private static final int DIMENSION = 16;
    private static OpenFheKeys keys;
    private static ClientBackend client;
    private static ServerBackend server;

    @BeforeAll
    static void generateKeys() {
        keys = OpenFheKeys.generate(OpenFheParameters.from(CkksPresets.SEARCH_N4096, OpenFheSettings.DEFAULT));
        client = keys.client().withoutNoiseFlooding(); // the engine's precision; flooding tested below
        server = keys.server();
    }

    @Test
    void encryptedColumnDecryptsWithinPrecision() {
        double[] values = randomValues(new Random(1), client.slots());
        assertTrue(maxError(values, decrypt(encryptColumn(values))) < 1e-6);
    }

    @Test
    void decryptionsAreFloodedByDefaultWithTheStatedSizeAndFreshly() {
        OpenFheClientBackend flooded = (OpenFheClientBackend) keys.client();
        double sigma = flooded.floodingStandardDeviation();
        assertTrue(sigma > 1e-5 && sigma < 1e-3, "2^12 x the public-key score noise at SEARCH_N4096: " + sigma);
        assertTrue(flooded.noiseFlooding().contains("2^12"), flooded.noiseFlooding());
        assertEquals("off", client.noiseFlooding());
        double[] values = randomValues(new Random(9), client.slots());
        BackendCiphertext ct = encryptColumn(values);
        double[] exact = decrypt(ct);
        double[] first = new double[client.slots()];
        double[] second = new double[client.slots()];
        flooded.decrypt(ct, first);
        flooded.decrypt(ct, second);
        double sumSq = 0;
        double apart = 0;
        for (int i = 0; i < exact.length; i++) {
            sumSq += (first[i] - exact[i]) * (first[i] - exact[i]);
            apart += Math.abs(first[i] - second[i]);
        }
        assertEquals(sigma, Math.sqrt(sumSq / exact.length), 0.1 * sigma, "measured flooding");
        assertTrue(apart / exact.length > 0.5 * sigma, "every decryption is flooded afresh");
    }

    @Test
    void blockOfProductsMatchesPlaintextInnerProducts() {
        Random random = new Random(2);
        double[][] gallery = new double[DIMENSION][];
        double[] probe = randomValues(random, DIMENSION);
        double[] expected = new double[client.slots()];
        for (int j = 0; j < DIMENSION; j++) {
            gallery[j] = randomValues(random, client.slots());
            for (int i = 0; i < expected.length; i++) {
                expected[i] += gallery[j][i] * probe[j];
            }
        }
        BlockEvaluator evaluator = server.newEvaluator();
        BackendCiphertext acc2 = server.newCiphertext(2, server.freshLevel());
        BackendCiphertext probeCt = server.newCiphertext(1, server.freshLevel());
        evaluator.clear(acc2);
        for (int j = 0; j < DIMENSION; j++) {
            client.encryptReplicated(probe[j], probeCt);
            evaluator.multiplyAccumulate(encryptColumn(gallery[j]), probeCt, acc2);
        }
        BackendCiphertext score = server.newCiphertext(1, server.scoreLevel());
        evaluator.relinearizeAndRescale(acc2, score);
        double error = maxError(expected, decrypt(score));
        assertTrue(error < 1e-5, "block score error " + error);
    }

    @Test
    void plaintextProbeModeMatchesPlaintext() {
        double[] column = randomValues(new Random(3), client.slots());
        BlockEvaluator evaluator = server.newEvaluator();
        BackendCiphertext acc1 = server.newCiphertext(1, server.freshLevel());
        evaluator.clear(acc1);
        evaluator.multiplyConstantAccumulate(encryptColumn(column), 0.5, acc1);
        evaluator.multiplyConstantAccumulate(encryptColumn(column), -0.25, acc1);
        BackendCiphertext score = server.newCiphertext(1, server.scoreLevel());
        evaluator.rescale(acc1, score);
        double[] expected = column.clone();
        for (int i = 0; i < expected.length; i++) {
            expected[i] *= 0.25;
        }
        assertTrue(maxError(expected, decrypt(score)) < 1e-5);
    }

    @Test
    void sumOfFirstSlotsUsesRotationKeys() {
        // At N = 4096 the scale (2^38) is too small for accurate rotations; SEARCH_N8192 has room.
        OpenFheKeys wide = OpenFheKeys.generate(OpenFheParameters.from(CkksPresets.SEARCH_N8192,
                OpenFheSettings.DEFAULT), 1, 2, 4);
        ClientBackend wideClient = wide.client().withoutNoiseFlooding();
        ServerBackend wideServer = wide.server();
        double[] values = randomValues(new Random(4), wideClient.slots());
        BackendCiphertext ct = wideClient.newCiphertext(1, wideClient.freshLevel());
        wideClient.encryptColumn(values, ct);
        assertTrue(wideServer.hasRotationKeys(1, 2, 4));
        assertFalse(wideServer.hasRotationKeys(8));
        wideServer.newEvaluator().sumFirstSlots(ct, 8);
        double expected = 0;
        for (int i = 0; i < 8; i++) {
            expected += values[i];
        }
        double[] out = new double[wideClient.slots()];
        wideClient.decrypt(ct, out);
        assertEquals(expected, out[0], 1e-6);
        assertThrows(IllegalStateException.class, () -> wideServer.newEvaluator().sumFirstSlots(ct, 16));
    }

    @Test
    void payloadIsFixedSizeAndRoundTripsExactly() {
        BackendCiphertext ct = encryptColumn(randomValues(new Random(5), client.slots()));
        int size = client.payloadBytes(1, client.freshLevel());
        ByteBuffer buffer = ByteBuffer.allocate(2 * size);
        client.writePayload(buffer, ct);
        assertEquals(size, buffer.position());
        client.writePayload(buffer, encryptColumn(new double[] {1.0}));
        buffer.flip();
        BackendCiphertext back = server.newCiphertext(1, server.freshLevel());
        server.readPayload(buffer, back);
        assertEquals(size, buffer.position());
        // OpenFHE adds fresh noise at every CKKS decryption, so two decryptions differ slightly.
        assertTrue(maxError(decrypt(ct), decrypt(back)) < 1e-6);
    }

    @Test
    void tamperedOrTruncatedPayloadIsRefused() {
        int size = client.payloadBytes(1, client.freshLevel());
        ByteBuffer buffer = ByteBuffer.allocate(size);
        client.writePayload(buffer, encryptColumn(new double[] {0.5}));
        byte[] good = buffer.array();

        byte[] badLength = good.clone();
        ByteBuffer.wrap(badLength).putInt(size);
        assertThrows(IllegalArgumentException.class, () -> readInto(badLength));

        byte[] badStream = good.clone();
        for (int i = Integer.BYTES; i < Integer.BYTES + 16; i++) {
            badStream[i] ^= (byte) 0x5a;
        }
        assertThrows(IllegalArgumentException.class, () -> readInto(badStream));

        byte[] truncated = java.util.Arrays.copyOf(good, size - 1);
        assertThrows(IllegalArgumentException.class, () -> readInto(truncated));
    }

    @Test
    void anotherKeySetCannotDecrypt() {
        OpenFheKeys other = OpenFheKeys.generate(OpenFheParameters.from(CkksPresets.SEARCH_N4096,
                OpenFheSettings.DEFAULT));
        double[] values = randomValues(new Random(6), client.slots());
        BackendCiphertext ct = encryptColumn(values);
        // The object is refused outright ...
        assertThrows(IllegalArgumentException.class, () -> other.client().decrypt(ct, new double[client.slots()]));
        // ... and its bytes, read under the other keys, decrypt to noise (or OpenFHE refuses to decode).
        ByteBuffer buffer = ByteBuffer.allocate(client.payloadBytes(1, client.freshLevel()));
        client.writePayload(buffer, ct);
        buffer.flip();
        ClientBackend otherClient = other.client().withoutNoiseFlooding();
        BackendCiphertext foreign = otherClient.newCiphertext(1, otherClient.freshLevel());
        otherClient.readPayload(buffer, foreign);
        double[] out = new double[client.slots()];
        try {
            otherClient.decrypt(foreign, out);
            assertTrue(maxError(values, out) > 1.0, "wrong key decrypted to the plaintext");
        } catch (RuntimeException e) {
            assertTrue(e.getMessage().contains("approximation error is too high"), e.getMessage());
        }
        assertNotEquals(keys.client().keyFingerprint(), otherClient.keyFingerprint());
        assertEquals(keys.client().parameterFingerprint(), otherClient.parameterFingerprint());
    }

    @Test
    void otherParametersGiveAnotherFingerprintAndRefuseCiphertexts() {
        CkksParametersLiteral toy = new CkksParametersLiteral(12, List.of(40, 30), List.of(), 30,
                SecurityLevel.BITS_128, false);
        OpenFheKeys other = OpenFheKeys.generate(OpenFheParameters.from(toy, OpenFheSettings.DEFAULT));
        assertNotEquals(client.parameterFingerprint(), other.client().parameterFingerprint());
        assertThrows(IllegalArgumentException.class,
                () -> other.server().newEvaluator().clear(server.newCiphertext(1, server.freshLevel())));
    }

    @Test
    void openFheRefusesInsecureParameters() {
        CkksParametersLiteral tooBig = new CkksParametersLiteral(12, List.of(60, 60), List.of(), 60,
                SecurityLevel.BITS_128, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OpenFheKeys.generate(OpenFheParameters.from(tooBig, OpenFheSettings.DEFAULT)));
        assertTrue(e.getMessage().startsWith("OpenFHE refused the parameters"), e.getMessage());
    }

    @Test
    void engineRefusesASecretKey() {
        OpenFheShim.NativeContext context = new OpenFheShim.NativeContext();
        context.init(4096, 1, 46, 38, 128, false, 30, 1);
        OpenFheShim.NativeKeyPair secret = new OpenFheShim.NativeKeyPair();
        context.keyGen(secret);
        OpenFheParameters parameters = keys.parameters();
        assertThrows(IllegalArgumentException.class,
                () -> new OpenFheEngine(parameters, context, secret, new byte[] {1}, new int[0]));
    }

    private static void readInto(byte[] payload) {
        server.readPayload(ByteBuffer.wrap(payload), server.newCiphertext(1, server.freshLevel()));
    }

    private static BackendCiphertext encryptColumn(double[] values) {
        BackendCiphertext ct = client.newCiphertext(1, client.freshLevel());
        client.encryptColumn(values, ct);
        return ct;
    }

    private static double[] decrypt(BackendCiphertext ct) {
        double[] out = new double[client.slots()];
        client.decrypt(ct, out);
        return out;
    }

    static double[] randomValues(Random random, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = 2 * random.nextDouble() - 1;
        }
        return values;
    }

    static double maxError(double[] expected, double[] actual) {
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
        }
        return max;
    }
}
