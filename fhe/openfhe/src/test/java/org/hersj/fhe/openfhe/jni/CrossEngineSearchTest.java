package org.hersj.fhe.openfhe.jni;

import static org.hersj.fhe.search.testing.GeneratedGallery.argmax;
import static org.hersj.fhe.search.testing.GeneratedGallery.plainScores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.ckks.CkksSearchKeys;
import org.hersj.fhe.search.enroll.SyntheticRows;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.store.RecordFileException;
import org.hersj.fhe.search.testing.Backends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same encrypted search on our pure-Java engine and on OpenFHE, from the same parameter literal:
 * for every probe both give the plaintext top-1 (unless the plaintext top two are closer than twice
 * the precision, which the fixed seeds here do not produce), every score is within
 * {@value #TOLERANCE} of the plaintext inner product on each engine, and each engine decrypts only its
 * own ciphertexts.
 */
class CrossEngineSearchTest {
    /** Stated precision of a score on either engine (observed errors are ~100x smaller). */
    static final double TOLERANCE = 1e-5;
    private static final int PROBES = 8;

    @TempDir
    Path dir;

    @Test
    void sameTopOneAndScoresWithinPrecisionAtN4096() throws IOException {
        crossCheck(CkksPresets.SEARCH_N4096, 2048 + 211, 32, ScoreForm.RELINEARIZED);
    }

    @Test
    void sameTopOneAndScoresWithinPrecisionAtN8192WithDegreeTwoScores() throws IOException {
        crossCheck(CkksPresets.SEARCH_N8192, 600, 16, ScoreForm.DEGREE_TWO);
    }

    @Test
    void plaintextProbeModeAgreesOnBothEngines() throws IOException {
        float[][] gallery = SyntheticRows.materialize(300, 16, 21);
        Backends java = javaBackends(CkksPresets.SEARCH_N4096);
        Backends openFhe = openFheBackends(CkksPresets.SEARCH_N4096);
        EncryptedSearchRun javaRun = EncryptedSearchRun.enroll(java, gallery, dir.resolve("java"));
        EncryptedSearchRun openFheRun = EncryptedSearchRun.enroll(openFhe, gallery, dir.resolve("openfhe"));
        float[] probe = SyntheticRows.materialize(1, 16, 99)[0];
        double[] expected = plainScores(gallery, probe);
        double[] javaScores = javaRun.scores(javaRun.searchPlaintextProbe(probe, "p"));
        double[] openFheScores = openFheRun.scores(openFheRun.searchPlaintextProbe(probe, "p"));
        assertWithin(expected, javaScores, "java");
        assertWithin(expected, openFheScores, "openfhe");
        assertEquals(argmax(expected), argmax(javaScores));
        assertEquals(argmax(expected), argmax(openFheScores));
    }

    @Test
    void eachEngineDecryptsOnlyItsOwnCiphertexts() throws IOException {
        float[][] gallery = SyntheticRows.materialize(40, 8, 5);
        Backends java = javaBackends(CkksPresets.SEARCH_N4096);
        Backends openFhe = openFheBackends(CkksPresets.SEARCH_N4096);
        EncryptedSearchRun javaRun = EncryptedSearchRun.enroll(java, gallery, dir.resolve("java"));
        EncryptedSearchRun openFheRun = EncryptedSearchRun.enroll(openFhe, gallery, dir.resolve("openfhe"));
        float[] probe = gallery[3];
        Path javaScores = javaRun.search(probe, ScoreForm.RELINEARIZED, "x");
        Path openFheScores = openFheRun.search(probe, ScoreForm.RELINEARIZED, "x");

        // Score files name their engine: the other engine's client refuses them.
        RecordFileException e1 = assertThrows(RecordFileException.class,
                () -> openFheRun.client().topK(javaScores, 1, ProgressListener.NONE));
        assertTrue(e1.getMessage().contains("engine"), e1.getMessage());
        RecordFileException e2 = assertThrows(RecordFileException.class,
                () -> javaRun.client().topK(openFheScores, 1, ProgressListener.NONE));
        assertTrue(e2.getMessage().contains("engine"), e2.getMessage());
        assertNotEquals(java.client().parameterFingerprint(), openFhe.client().parameterFingerprint());

        // Ciphertext objects of one engine are refused by the other.
        BackendCiphertext javaCt = encryptColumn(java.client(), 0.5);
        BackendCiphertext openFheCt = encryptColumn(openFhe.client(), 0.5);
        double[] out = new double[openFhe.client().slots()];
        assertThrows(IllegalArgumentException.class, () -> openFhe.client().decrypt(javaCt, out));
        assertThrows(IllegalArgumentException.class, () -> java.client().decrypt(openFheCt, out));

        // Raw payload bytes of one engine never decrypt to the plaintext under the other.
        ByteBuffer javaBytes = ByteBuffer.allocate(java.client().payloadBytes(1, java.client().freshLevel()));
        java.client().writePayload(javaBytes, javaCt);
        javaBytes.flip();
        BackendCiphertext intoOpenFhe = openFhe.client().newCiphertext(1, openFhe.client().freshLevel());
        assertThrows(IllegalArgumentException.class, () -> openFhe.client().readPayload(javaBytes, intoOpenFhe));
        ByteBuffer openFheBytes = ByteBuffer.allocate(openFhe.client().payloadBytes(1, openFhe.client().freshLevel()));
        openFhe.client().writePayload(openFheBytes, openFheCt);
        openFheBytes.flip();
        BackendCiphertext intoJava = java.client().newCiphertext(1, java.client().freshLevel());
        try {
            java.client().readPayload(openFheBytes, intoJava);
            java.client().decrypt(intoJava, out);
            assertTrue(Math.abs(out[0] - 0.5) > 1e-2, "OpenFHE bytes decrypted to the plaintext under our engine");
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException refused) {
            // refused outright: also fine
        }
    }

    private void crossCheck(CkksParametersLiteral literal, int items, int dimension, ScoreForm form)
            throws IOException {
        float[][] gallery = SyntheticRows.materialize(items, dimension, 7 + dimension);
        EncryptedSearchRun java = EncryptedSearchRun.enroll(javaBackends(literal), gallery, dir.resolve("java"));
        EncryptedSearchRun openFhe = EncryptedSearchRun.enroll(openFheBackends(literal), gallery,
                dir.resolve("openfhe"));
        SplittableRandom random = new SplittableRandom(17);
        double largestGap = 0;
        for (int p = 0; p < PROBES; p++) {
            float[] probe = p % 2 == 0 ? perturbed(gallery[random.nextInt(items)], random)
                    : SyntheticRows.materialize(1, dimension, 500 + p)[0];
            double[] expected = plainScores(gallery, probe);
            double[] javaScores = java.scores(java.search(probe, form, "probe" + p));
            double[] openFheScores = openFhe.scores(openFhe.search(probe, form, "probe" + p));
            assertWithin(expected, javaScores, "java, probe " + p);
            assertWithin(expected, openFheScores, "openfhe, probe " + p);
            int plainTop = argmax(expected);
            if (expected[plainTop] - secondLargest(expected) > 2 * TOLERANCE) {
                assertEquals(plainTop, argmax(javaScores), "java, probe " + p + ": not the plaintext top-1");
                assertEquals(plainTop, argmax(openFheScores), "openfhe, probe " + p + ": not the plaintext top-1");
            } else { // a tie within the stated precision: either engine may pick either item
                assertTrue(expected[argmax(javaScores)] >= expected[plainTop] - 2 * TOLERANCE);
                assertTrue(expected[argmax(openFheScores)] >= expected[plainTop] - 2 * TOLERANCE);
            }
            for (int i = 0; i < items; i++) {
                largestGap = Math.max(largestGap, Math.abs(javaScores[i] - openFheScores[i]));
            }
        }
        assertTrue(largestGap <= 2 * TOLERANCE, "engines differ by " + largestGap);
    }

    static Backends javaBackends(CkksParametersLiteral literal) {
        CkksSearchKeys keys = CkksSearchKeys.generate(CkksParameters.of(literal), RandomSource.seededForTestsOnly(3));
        // the engines' own precision is compared: exact decryptions (the flooding is tested on its own)
        return new Backends(keys.client().withoutNoiseFlooding(), keys.server());
    }

    static Backends openFheBackends(CkksParametersLiteral literal) {
        OpenFheKeys keys = OpenFheKeys.generate(OpenFheParameters.from(literal, OpenFheSettings.DEFAULT));
        return new Backends(keys.client().withoutNoiseFlooding(), keys.server());
    }

    private static BackendCiphertext encryptColumn(ClientBackend client, double value) {
        BackendCiphertext ct = client.newCiphertext(1, client.freshLevel());
        client.encryptColumn(new double[] {value}, ct);
        return ct;
    }

    private static void assertWithin(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length);
        double max = OpenFheBackendTest.maxError(expected, actual);
        assertTrue(max <= TOLERANCE, what + ": largest score error " + max + " exceeds " + TOLERANCE);
    }

    private static double secondLargest(double[] values) {
        int top = argmax(values);
        double second = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (i != top) {
                second = Math.max(second, values[i]);
            }
        }
        return second;
    }

    private static float[] perturbed(float[] row, SplittableRandom random) {
        float[] out = row.clone();
        double norm = 0;
        for (int j = 0; j < out.length; j++) {
            out[j] += (float) (0.05 * (random.nextDouble() - 0.5));
            norm += out[j] * out[j];
        }
        for (int j = 0; j < out.length; j++) {
            out[j] /= (float) Math.sqrt(norm);
        }
        return out;
    }
}
