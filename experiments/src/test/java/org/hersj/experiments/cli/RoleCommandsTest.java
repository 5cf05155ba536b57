package org.hersj.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hersj.experiments.data.NpyWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encrypted-search role commands run end to end through the command line on tiny generated data. */
class RoleCommandsTest {

    /**
     * Scores printed by the CLI are noise-flooded (NoiseFlooding: standard deviation 1.0e-5 per score at
     * SEARCH_N4096); this bound is 6 standard deviations of the difference of two flooded decryptions.
     */
    static final double FLOODED = 1e-4;

    private static final int ITEMS = 37;
    private static final int DIMS = 16;

    @TempDir
    Path dir;

    private String err;
    private float[][] gallery;
    private Path features;

    private final CliHarness cli = new CliHarness();

    private int run(String... args) {
        int status = cli.run(args);
        err = cli.err();
        return status;
    }

    @BeforeEach
    void writeFeatures() throws IOException {
        Random random = new Random(7);
        gallery = new float[ITEMS][DIMS];
        for (float[] row : gallery) {
            for (int j = 0; j < DIMS; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        features = dir.resolve("features.npy");
        NpyWriter.writeFloat32(features, gallery);
        Path labels = dir.resolve("labels.txt");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ITEMS; i++) {
            text.append(1000 + i).append('\n');
        }
        Files.writeString(labels, text);
    }

    /** A probe file: noisy copies of some gallery rows, so top-1 is meaningful but not trivial. */
    private Path probes(float[][] probeRows) throws IOException {
        Random random = new Random(11);
        int[] mates = {3, 20, 36};
        for (int p = 0; p < mates.length; p++) {
            for (int j = 0; j < DIMS; j++) {
                probeRows[p][j] = gallery[mates[p]][j] + 0.8f * (float) random.nextGaussian();
            }
        }
        Path file = dir.resolve("probes.npy");
        NpyWriter.writeFloat32(file, probeRows);
        return file;
    }

    @Test
    void wholeChainThroughTheCliGivesThePlaintextTop1() throws IOException {
        Path keys = dir.resolve("keys");
        assertEquals(0, run("keygen", "--preset", "SEARCH_N4096", "--out", keys.toString(), "--quiet"), err);
        assertFalse(Files.exists(keys.resolve("server/secret.key")), "server copy must not hold the secret key");
        assertFalse(Files.exists(keys.resolve("enroller/secret.key")));
        assertFalse(Files.exists(keys.resolve("enroller/relinearization.key")));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(keys.resolve("client/secret.key")));
        Path galleryDir = dir.resolve("gallery");
        assertEquals(0, run("enroll", "--keys", keys.resolve("enroller").toString(), "--features", features.toString(),
                "--labels", dir.resolve("labels.txt").toString(), "--out", galleryDir.toString(), "--quiet"), err);
        // The labels stay with the key owner: written beside the gallery directory, no label text inside it.
        Path labelsCopy = EnrollCommand.defaultLabelsFile(galleryDir);
        assertEquals(Files.readString(dir.resolve("labels.txt")).strip(), Files.readString(labelsCopy).strip());
        assertNoLabelTextIn(galleryDir, Files.readAllLines(labelsCopy));
        // A finished gallery is not silently overwritten; the message says what to do.
        assertEquals(1, run("enroll", "--keys", keys.resolve("enroller").toString(), "--features", features.toString(),
                "--out", galleryDir.toString(), "--quiet"), err);
        assertTrue(err.contains("already exists and is complete"), err);
        float[][] probeRows = new float[3][DIMS];
        Path probeFile = probes(probeRows);
        for (int p = 0; p < probeRows.length; p++) {
            int expected = PlainScores.top1(gallery, probeRows[p]);
            Path probe = dir.resolve("probe" + p + ".ct");
            Path scores = dir.resolve("scores" + p + ".ct");
            Path ranking = dir.resolve("rank" + p + ".csv");
            assertEquals(0, run("encrypt-probe", "--keys", keys.resolve("client").toString(), "--features",
                    probeFile.toString(), "--row", Integer.toString(p), "--out", probe.toString()), err);
            assertEquals(0, run("search", "--server-keys", keys.resolve("server").toString(), "--gallery",
                    galleryDir.toString(), "--probe", probe.toString(), "--out", scores.toString(), "--quiet"), err);
            assertEquals(0, run("rank", "--keys", keys.resolve("client").toString(), "--scores", scores.toString(),
                    "--top", "5", "--labels", labelsCopy.toString(), "--out",
                    ranking.toString(), "--quiet"), err);
            assertEquals(Files.readString(ranking), cli.out(), "rank prints what it writes");
            List<String> lines = Files.readAllLines(ranking);
            assertEquals("rank,item,score,label", lines.get(0));
            assertEquals(6, lines.size());
            String[] first = lines.get(1).split(",");
            assertEquals(expected, Integer.parseInt(first[1]), "encrypted top-1 of probe " + p);
            assertEquals(1000 + expected, Integer.parseInt(first[3]), "label of the top-1");

            Path clearScores = dir.resolve("clear" + p + ".ct");
            assertEquals(0, run("search", "--server-keys", keys.resolve("server").toString(), "--gallery",
                    galleryDir.toString(), "--plaintext-probe-weaker-threat-model", probeFile.toString(), "--row",
                    Integer.toString(p), "--out", clearScores.toString(), "--quiet"), err);
            Path clearRanking = dir.resolve("clear-rank" + p + ".csv");
            assertEquals(0, run("decrypt-scores", "--keys", keys.resolve("client").toString(), "--scores",
                    clearScores.toString(), "--top", "1", "--out", clearRanking.toString(), "--quiet"), err);
            assertEquals(expected, Integer.parseInt(Files.readAllLines(clearRanking).get(1).split(",")[1]));

            // Every decrypted score equals the plaintext cosine similarity within CKKS precision.
            assertEquals(0, run("decrypt-scores", "--keys", keys.resolve("client").toString(), "--scores",
                    scores.toString(), "--all", "--quiet"), err);
            List<String> every = cli.out().lines().toList();
            assertEquals("item,score", every.get(0));
            assertEquals(ITEMS + 1, every.size());
            for (int i = 0; i < ITEMS; i++) {
                String[] cells = every.get(i + 1).split(",");
                assertEquals(i, Integer.parseInt(cells[0]));
                assertEquals(PlainScores.cosine(gallery[i], probeRows[p]), Double.parseDouble(cells[1]), FLOODED, "item " + i);
            }
        }
    }

    @Test
    void precisionChoosesALitePresetForExactScoresWhoseDegreeTwoScoresRankLikePlaintext() throws IOException {
        assertEquals(1, run("keygen", "--precision", "1e-12", "--out", dir.resolve("none").toString(), "--quiet"));
        assertTrue(err.contains("no CKKS preset reaches score precision 1.0E-12"), err);
        assertFalse(Files.exists(dir.resolve("none/client")), "nothing is written for an unmeetable precision");
        assertEquals(1, run("keygen", "--preset", "LITE_N2048", "--out", dir.resolve("flooded").toString(), "--quiet"));
        assertTrue(err.contains("too noisy to rank") && err.contains("--preset"), err);
        assertEquals(0, run("keygen", "--precision", "1e-4", "--enrolled-by", "owner", "--out",
                dir.resolve("default").toString()), err);
        assertTrue(cli.out().contains("logN=12;logQ=[46, 38]"), "1e-4 with rank's noise flooding: SEARCH_N4096");
        Path keys = dir.resolve("keys");
        assertEquals(0, run("keygen", "--precision", "1e-4", "--enrolled-by", "owner", "--exact-scores", "--out",
                keys.toString()), err);
        assertTrue(cli.out().contains("logN=11;logQ=[54];logP=[]"), "1e-4 for exact key-owner scores: LITE_N2048");
        assertFalse(Files.exists(keys.resolve("server/relinearization.key")), "degree-two only: no evaluation keys");
        assertEquals(0, run("keygen", "--precision", "1e-4", "--exact-scores", "--out",
                dir.resolve("public-key").toString()), err);
        assertTrue(cli.out().contains("logN=12;logQ=[59];logP=[50]"),
                "1e-4 for exact scores of a public-key gallery: LITE_N4096, which encrypts over QP");
        assertFalse(Files.exists(dir.resolve("public-key/server/relinearization.key")),
                "one q prime: no evaluation keys, although the preset has a special prime");
        Path galleryDir = dir.resolve("gallery");
        assertEquals(0, run("enroll", "--keys", keys.resolve("client").toString(), "--features", features.toString(),
                "--out", galleryDir.toString(), "--quiet"), err);
        float[][] probeRows = new float[3][DIMS];
        Path probeFile = probes(probeRows);
        Path probe = dir.resolve("probe.ct");
        assertEquals(0, run("encrypt-probe", "--keys", keys.resolve("client").toString(), "--features",
                probeFile.toString(), "--row", "1", "--out", probe.toString()), err);
        Path scores = dir.resolve("scores.ct");
        assertEquals(1, run("search", "--server-keys", keys.resolve("server").toString(), "--gallery",
                galleryDir.toString(), "--probe", probe.toString(), "--out", scores.toString(), "--score-form",
                "relinearized", "--quiet"));
        assertTrue(err.contains("degree-2 scores only"), err);
        assertEquals(0, run("search", "--server-keys", keys.resolve("server").toString(), "--gallery",
                galleryDir.toString(), "--probe", probe.toString(), "--out", scores.toString(), "--quiet"), err);
        assertEquals(1, run("decrypt-scores", "--keys", keys.resolve("client").toString(), "--scores",
                scores.toString(), "--exact-scores", "--stage2-request", dir.resolve("request").toString(), "--quiet"));
        assertTrue(err.contains("drop --exact-scores"), err);
        assertEquals(0, run("decrypt-scores", "--keys", keys.resolve("client").toString(), "--scores",
                scores.toString(), "--all", "--exact-scores", "--quiet"), err);
        List<String> every = cli.out().lines().toList();
        double best = -2;
        int bestItem = -1;
        for (int i = 0; i < ITEMS; i++) {
            double score = Double.parseDouble(every.get(i + 1).split(",")[1]);
            assertEquals(PlainScores.cosine(gallery[i], probeRows[1]), score, 1e-4, "item " + i);
            if (score > best) {
                best = score;
                bestItem = i;
            }
        }
        assertEquals(PlainScores.top1(gallery, probeRows[1]), bestItem);
    }

    @Test
    void serverRefusesSecretKeysAndGalleriesOfOtherParameters() throws IOException {
        Path keys = dir.resolve("keys");
        Path other = dir.resolve("other");
        assertEquals(0, run("keygen", "--preset", "SEARCH_N4096", "--out", keys.toString(), "--quiet"), err);
        assertEquals(0, run("keygen", "--preset", "SEARCH_N8192", "--out", other.toString(), "--quiet"), err);
        Path galleryDir = dir.resolve("gallery");
        assertEquals(0, run("enroll", "--keys", keys.resolve("enroller").toString(), "--features", features.toString(),
                "--out", galleryDir.toString(), "--quiet"), err);
        Path probe = dir.resolve("probe.ct");
        assertEquals(0, run("encrypt-probe", "--keys", keys.resolve("client").toString(), "--features",
                features.toString(), "--row", "4", "--out", probe.toString()), err);
        Path scores = dir.resolve("scores.ct");

        assertEquals(1, run("search", "--server-keys", keys.resolve("client").toString(), "--gallery",
                galleryDir.toString(), "--probe", probe.toString(), "--out", scores.toString()));
        assertTrue(err.contains("holds the secret key"), err);
        assertEquals(1, err.strip().lines().count(), err);
        assertEquals(1, run("search", "--server-keys", keys.resolve("client/secret.key").toString(), "--gallery",
                galleryDir.toString(), "--probe", probe.toString(), "--out", scores.toString()));
        assertTrue(err.contains("secret key file"), err);
        assertEquals(1, run("search", "--server-keys", other.resolve("server").toString(), "--gallery",
                galleryDir.toString(), "--probe", probe.toString(), "--out", scores.toString()));
        assertTrue(err.contains("other encryption parameters"), err);
        assertEquals(1, err.strip().lines().count(), err);
        assertFalse(Files.exists(scores), "no scores file after a refused search");

        // The paper's one-item-per-slot layout is searched with the same probe; unknown layouts are named.
        Path realSlots = dir.resolve("gallery-real-slots");
        assertEquals(0, run("enroll", "--keys", keys.resolve("enroller").toString(), "--features", features.toString(),
                "--layout", "hers", "--out", realSlots.toString(), "--quiet"), err);
        assertEquals(0, run("search", "--server-keys", keys.resolve("server").toString(), "--gallery",
                realSlots.toString(), "--probe", probe.toString(), "--out", scores.toString(), "--quiet"), err);
        assertEquals(1, run("enroll", "--keys", keys.resolve("enroller").toString(), "--features", features.toString(),
                "--layout", "simd", "--out", dir.resolve("bad-layout").toString(), "--quiet"));
        assertTrue(err.contains("--layout must be hers-complex, hers, boddeti or packed (the full-dimension gallery of two-stage search), got 'simd'"), err);

        assertEquals(1, run("encrypt-probe", "--keys", keys.resolve("client").toString(), "--features",
                features.toString(), "--row", "99", "--out", dir.resolve("probe99.ct").toString()));
        assertTrue(err.contains("--row 99 is out of range"), err);
        assertEquals(1, run("keygen", "--preset", "SEARCH_N4096", "--out", keys.toString()));
        assertTrue(err.contains("already holds keys"), err);
    }

    @Test
    void helpWorksOnEveryRoleAndBenchCommand() {
        for (String[] command : new String[][] {{"keygen"}, {"enroll"}, {"encrypt-probe"}, {"search"}, {"rank"},
            {"decrypt-scores"}, {"rerank"}, {"bench", "search"}, {"bench", "complexity"}}) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            assertEquals(0, run(args), String.join(" ", command));
        }
    }

    /** Fails if any file under {@code dir} holds two consecutive labels as text (one per line). */
    private static void assertNoLabelTextIn(Path dir, List<String> labels) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (int i = 0; i + 1 < labels.size(); i++) {
                    String pair = labels.get(i) + "\n" + labels.get(i + 1) + "\n";
                    assertFalse(content.contains(pair), file + " holds label text '" + pair.strip() + "'");
                }
            }
        }
    }
}
