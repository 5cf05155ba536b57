package org.hersj.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.hersj.experiments.data.NpyBytes;
import org.hersj.experiments.data.NpyWriter;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.RowSource;
import org.hersj.fhe.search.layout.LayoutKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hers enroll} streams {@code .npy} galleries from disk: the encrypted gallery equals the one enrolled
 * from the same rows loaded in memory, a resumed enrollment skips finished blocks of the file, and bad rows
 * or label counts are refused before anything is encrypted.
 */
class StreamedEnrollmentTest {

    /**
     * Scores printed by the CLI are noise-flooded (NoiseFlooding: standard deviation 1.0e-5 per score at
     * SEARCH_N4096); this bound is 6 standard deviations of the difference of two flooded decryptions.
     */
    static final double FLOODED = 1e-4;

    private static final int DIMS = 16;

    @TempDir
    Path dir;

    private final CliHarness cli = new CliHarness();

    private void ok(String... args) {
        assertEquals(0, cli.run(args), cli.err());
    }

    private String fails(String... args) {
        assertEquals(1, cli.run(args), "expected a refusal: " + String.join(" ", args));
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
        return cli.err();
    }

    private static float[][] gaussianRows(int count, long seed) {
        Random random = new Random(seed);
        float[][] rows = new float[count][DIMS];
        for (float[] row : rows) {
            for (int j = 0; j < DIMS; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return rows;
    }

    private Path keys() {
        Path keys = dir.resolve("keys");
        ok("keygen", "--preset", "SEARCH_N4096", "--out", keys.toString(), "--quiet");
        return keys;
    }

    private Path npy(String name, float[][] rows) throws IOException {
        Path file = dir.resolve(name);
        NpyWriter.writeFloat32(file, rows);
        return file;
    }

    /** The same values as float64 {@code .npy} (the project's writer writes float32 only). */
    private Path npy64(String name, float[][] rows) throws IOException {
        double[] values = new double[rows.length * DIMS];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < DIMS; j++) {
                values[i * DIMS + j] = rows[i][j];
            }
        }
        return NpyBytes.write(dir.resolve(name), "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows.length
                + ", " + DIMS + "), }", NpyBytes.doubles(ByteOrder.LITTLE_ENDIAN, values));
    }

    private Path csv(String name, float[][] rows) throws IOException {
        StringBuilder text = new StringBuilder();
        for (float[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                text.append(j > 0 ? "," : "").append(row[j]);
            }
            text.append('\n');
        }
        return Files.writeString(dir.resolve(name), text);
    }

    /** Every decrypted score of {@code probe} against {@code gallery}, in item order. */
    private double[] decryptedScores(Path keys, Path gallery, Path probe, String name) {
        Path scores = dir.resolve(name + ".scores");
        ok("search", "--server-keys", keys.resolve("server").toString(), "--gallery", gallery.toString(), "--probe",
                probe.toString(), "--out", scores.toString(), "--quiet");
        ok("decrypt-scores", "--keys", keys.resolve("client").toString(), "--scores", scores.toString(), "--all",
                "--quiet");
        List<String> lines = cli.out().lines().toList();
        double[] out = new double[lines.size() - 1];
        for (int i = 0; i < out.length; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(i, Integer.parseInt(cells[0]));
            out[i] = Double.parseDouble(cells[1]);
        }
        return out;
    }

    private static int argmax(double[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            best = scores[i] > scores[best] ? i : best;
        }
        return best;
    }

    private Path encryptProbe(Path keys, Path probes, int row) {
        Path probe = dir.resolve("probe" + row + ".ct");
        ok("encrypt-probe", "--keys", keys.resolve("client").toString(), "--features", probes.toString(), "--row",
                Integer.toString(row), "--out", probe.toString());
        return probe;
    }

    @Test
    void streamedNpyGalleriesGiveTheScoresAndTop1OfTheInMemoryPath() throws IOException {
        float[][] gallery = gaussianRows(37, 7);
        float[][] probeRows = gaussianRows(2, 8);
        for (int j = 0; j < DIMS; j++) {
            probeRows[0][j] = gallery[20][j] + 0.8f * probeRows[0][j];
        }
        Path keys = keys();
        Path probes = npy("probes.npy", probeRows);
        Path[] features = {npy("g32.npy", gallery), npy64("g64.npy", gallery), csv("g.csv", gallery)};
        Path[] galleries = new Path[features.length];
        for (int g = 0; g < features.length; g++) {
            galleries[g] = dir.resolve("gallery" + g);
            ok("enroll", "--keys", keys.resolve("enroller").toString(), "--features", features[g].toString(),
                    "--out", galleries[g].toString(), "--quiet");
            assertTrue(cli.out().contains("enrolled 37 items of dimension 16"), cli.out());
        }
        for (int p = 0; p < probeRows.length; p++) {
            Path probe = encryptProbe(keys, probes, p);
            double[] inMemory = decryptedScores(keys, galleries[2], probe, "csv" + p);
            assertEquals(PlainScores.top1(gallery, probeRows[p]), argmax(inMemory), "in-memory top-1, probe " + p);
            for (int g = 0; g < 2; g++) {
                double[] streamed = decryptedScores(keys, galleries[g], probe, "npy" + g + "-" + p);
                assertEquals(argmax(inMemory), argmax(streamed), features[g] + ", probe " + p);
                assertArrayEquals(inMemory, streamed, FLOODED, features[g] + ", probe " + p);
                for (int i = 0; i < gallery.length; i++) {
                    assertEquals(PlainScores.cosine(gallery[i], probeRows[p]), streamed[i], FLOODED, "item " + i);
                }
            }
        }
        assertEquals(20, PlainScores.top1(gallery, probeRows[0]), "the noisy mate is found");
        ok("enroll", "--help");
        assertTrue(cli.out().contains("streamed from disk"), cli.out());
    }

    @Test
    void resumedEnrollmentSkipsTheFinishedBlocksOfTheStreamedFile() throws IOException {
        // N = 4096: the 'hers' layout holds 2048 items per block, so 4196 items make three blocks.
        float[][] gallery = gaussianRows(2 * 2048 + 100, 3);
        Path keys = keys();
        Path features = npy("big.npy", gallery);
        Path galleryDir = dir.resolve("gallery");
        Path enrollerKeys = keys.resolve("enroller");
        // An enrollment that crashes in its second block, after the first was written.
        float[][] normalized = FeatureFiles.readNormalized(features);
        RowSource crashing = RowSource.fromIterator(Arrays.asList(normalized).subList(0, 2048 + 5).iterator(),
                gallery.length, DIMS);
        GalleryEnroller enroller = new GalleryEnroller(
                KeyDirectory.backendOf(enrollerKeys).loadEnroller(enrollerKeys, RandomSource.secure()), 1, 1);
        NoSuchElementException crash = assertThrows(NoSuchElementException.class,
                () -> enroller.enroll(crashing, LayoutKind.HERS_SIMD, galleryDir, ProgressListener.NONE,
                        EnrollmentInput.identity(features, null)));
        assertTrue(crash.getMessage().contains("ended after 2053"), crash.getMessage());
        // The command resumes from the file: block 0 is skipped unread, blocks 1 and 2 are streamed.
        ok("enroll", "--keys", enrollerKeys.toString(), "--features", features.toString(), "--layout", "hers",
                "--out", galleryDir.toString(), "--quiet");
        assertTrue(cli.out().contains("(3 blocks, 1 resumed from an earlier run"), cli.out());
        // Rows of every block, including those after the skipped one, are where they belong.
        for (int row : new int[] {5, 2048 + 7, 4100}) {
            double[] scores = decryptedScores(keys, galleryDir, encryptProbe(keys, features, row), "row" + row);
            assertEquals(row, argmax(scores));
            for (int i = 0; i < gallery.length; i++) {
                assertEquals(PlainScores.cosine(gallery[i], gallery[row]), scores[i], FLOODED, "item " + i);
            }
        }
    }

    @Test
    void badRowsShapesAndLabelCountsAreRefusedBeforeAnythingIsEncrypted() throws IOException {
        Path keys = keys();
        String enroller = keys.resolve("enroller").toString();
        Path galleryDir = dir.resolve("gallery");
        float[][] gallery = gaussianRows(37, 5);
        gallery[30] = new float[DIMS];
        Path zero = npy("zero.npy", gallery);
        String err = fails("enroll", "--keys", enroller, "--features", zero.toString(), "--out", galleryDir.toString());
        assertTrue(err.contains("zero.npy: row 30 is a zero vector"), err);
        gallery[30][4] = Float.NaN;
        Path nan = npy("nan.npy", gallery);
        err = fails("enroll", "--keys", enroller, "--features", nan.toString(), "--out", galleryDir.toString());
        assertTrue(err.contains("nan.npy: row 30, column 4 is NaN"), err);
        assertFalse(Files.exists(galleryDir), "nothing may be enrolled from a file with a bad row");

        Path good = npy("good.npy", gaussianRows(37, 6));
        Path labels = Files.writeString(dir.resolve("labels.txt"), "1\n".repeat(36));
        err = fails("enroll", "--keys", enroller, "--features", good.toString(), "--labels", labels.toString(),
                "--out", galleryDir.toString());
        assertTrue(err.contains("holds 36 labels but " + good + " holds 37 rows"), err);
        assertFalse(Files.exists(galleryDir));

        Path truncated = dir.resolve("truncated.npy");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 4));
        err = fails("enroll", "--keys", enroller, "--features", truncated.toString(), "--out", galleryDir.toString());
        assertTrue(err.contains("truncated.npy: the header promises shape (37, 16) of f4 (2368 bytes of data)"
                + " but the file holds 2364 bytes"), err);
        assertFalse(Files.exists(galleryDir));
        err = fails("encrypt-probe", "--keys", keys.resolve("client").toString(), "--features", good.toString(),
                "--row", "37", "--out", dir.resolve("p.ct").toString());
        assertTrue(err.contains("--row 37 is out of range: " + good + " holds 37 rows (0..36)"), err);
    }
}
