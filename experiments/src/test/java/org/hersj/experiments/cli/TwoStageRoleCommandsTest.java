package org.hersj.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hersj.experiments.data.NpyWriter;
import org.hersj.reduction.core.UnitVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-stage search with client and server as separate command lines (N = 4096): stage 1 on a reduced
 * gallery, the key owner's stage-2 request, the server's stage 2 on the packed full-dimension gallery
 * (evaluation keys only), the key owner's re-ranking; and the refusals of bad or mismatched files.
 */
class TwoStageRoleCommandsTest {

    private static final int ITEMS = 40;
    private static final int FULL = 32;
    private static final int REDUCED = 6;
    private static final int K = 6;

    @TempDir
    Path dir;

    private final CliHarness cli = new CliHarness();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void clientAndServerRunStageTwoAsSeparateCommands() throws IOException {
        Random random = new Random(5);
        float[][] full = new float[ITEMS][FULL];
        for (float[] row : full) {
            for (int j = 0; j < FULL; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        float[][] probes = new float[2][FULL];
        int[] mates = {7, 33};
        for (int p = 0; p < probes.length; p++) {
            for (int j = 0; j < FULL; j++) {
                probes[p][j] = full[mates[p]][j] + 0.6f * (float) random.nextGaussian();
            }
        }
        Path fullFile = npy("full.npy", full);
        Path reducedFile = npy("reduced.npy", firstColumns(full));
        Path fullProbes = npy("full-probes.npy", probes);
        Path reducedProbes = npy("reduced-probes.npy", firstColumns(probes));
        Path keys = dir.resolve("keys");
        String client = keys.resolve("client").toString();
        String server = keys.resolve("server").toString();
        ok("keygen", "--preset", "SEARCH_N4096", "--two-stage-dims", Integer.toString(FULL), "--out", keys.toString(),
                "--quiet");
        Path stage1 = dir.resolve("stage1");
        Path stage2 = dir.resolve("stage2");
        ok("enroll", "--keys", keys.resolve("enroller").toString(), "--features", reducedFile.toString(), "--out",
                stage1.toString(), "--quiet");
        ok("enroll", "--keys", keys.resolve("enroller").toString(), "--features", fullFile.toString(), "--layout",
                "packed", "--out", stage2.toString(), "--quiet");

        for (int p = 0; p < probes.length; p++) {
            Path request = dir.resolve("request" + p + ".h2q");
            Path response = dir.resolve("response" + p + ".h2s");
            ok("encrypt-probe", "--keys", client, "--features", reducedProbes.toString(), "--row", Integer.toString(p),
                    "--out", dir.resolve("p1.ct").toString(), "--force");
            ok("search", "--server-keys", server, "--gallery", stage1.toString(), "--probe", dir.resolve("p1.ct").toString(),
                    "--out", dir.resolve("s1.ct").toString(), "--force", "--quiet");
            ok("rank", "--keys", client, "--scores", dir.resolve("s1.ct").toString(), "--top", Integer.toString(K),
                    "--stage2-request", request.toString(), "--quiet");
            long[] shortlist = cli.out().lines().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[1])).toArray();
            assertEquals(K, shortlist.length);
            ok("encrypt-probe", "--keys", client, "--features", fullProbes.toString(), "--row", Integer.toString(p),
                    "--layout", "packed", "--out", dir.resolve("p2.ct").toString(), "--force");
            ok("search", "--server-keys", server, "--gallery", stage2.toString(), "--probe", dir.resolve("p2.ct").toString(),
                    "--two-stage", request.toString(), "--out", response.toString(), "--quiet");
            assertTrue(cli.out().contains("stage 2: scored " + K + " candidates"), cli.out());
            ok("rerank", "--keys", client, "--request", request.toString(), "--response", response.toString(), "--top",
                    Integer.toString(K), "--quiet");
            List<String> lines = cli.out().lines().toList();
            assertEquals("rank,item,score", lines.get(0));
            assertEquals(K + 1, lines.size());
            double previous = Double.POSITIVE_INFINITY;
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                int item = Integer.parseInt(cells[1]);
                double score = Double.parseDouble(cells[2]);
                assertTrue(Arrays.stream(shortlist).anyMatch(c -> c == item), "only stage-1 candidates: " + item);
                assertEquals(cosine(full[item], probes[p]), score, 1e-4, "full-dimension score of item " + item);
                assertTrue(score <= previous, "best first");
                previous = score;
            }
            float[] probe = probes[p];
            long best = Arrays.stream(shortlist).boxed().max((a, b) -> Double.compare(cosine(full[(int) (long) a],
                    probe), cosine(full[(int) (long) b], probe))).orElseThrow();
            assertEquals(best, Long.parseLong(lines.get(1).split(",")[1]), "two-stage top 1 of probe " + p);
        }
    }

    @Test
    void badOrMismatchedStageTwoFilesAreRefusedWithTheirName() throws IOException {
        float[][] rows = new float[ITEMS][FULL];
        Random random = new Random(9);
        for (float[] row : rows) {
            for (int j = 0; j < FULL; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        Path keys = dir.resolve("keys");
        ok("keygen", "--preset", "SEARCH_N4096", "--two-stage-dims", Integer.toString(FULL), "--out", keys.toString(),
                "--quiet");
        Path other = dir.resolve("other");
        ok("keygen", "--preset", "SEARCH_N4096", "--out", other.toString(), "--quiet");
        Path features = npy("full.npy", rows);
        Path stage = dir.resolve("stage");
        ok("enroll", "--keys", keys.resolve("enroller").toString(), "--features", features.toString(), "--out",
                stage.toString(), "--quiet");
        String client = keys.resolve("client").toString();
        ok("encrypt-probe", "--keys", client, "--features", features.toString(), "--out", dir.resolve("p.ct").toString());
        ok("search", "--server-keys", keys.resolve("server").toString(), "--gallery", stage.toString(), "--probe",
                dir.resolve("p.ct").toString(), "--out", dir.resolve("s.ct").toString(), "--quiet");
        Path request = dir.resolve("request.h2q");
        ok("rank", "--keys", client, "--scores", dir.resolve("s.ct").toString(), "--top", "3", "--stage2-request",
                request.toString(), "--quiet");
        Path packed = dir.resolve("packed");
        ok("enroll", "--keys", keys.resolve("enroller").toString(), "--features", features.toString(), "--layout", "packed",
                "--out", packed.toString(), "--quiet");
        ok("encrypt-probe", "--keys", client, "--features", features.toString(), "--layout", "packed", "--out",
                dir.resolve("p2.ct").toString());
        Path response = dir.resolve("response.h2s");
        String[] stage2 = {"search", "--server-keys", keys.resolve("server").toString(), "--gallery", packed.toString(),
            "--probe", dir.resolve("p2.ct").toString(), "--two-stage", request.toString(), "--out", response.toString(),
            "--quiet"};

        String[] withSecret = stage2.clone();
        withSecret[2] = client;
        fails(withSecret, "holds the secret key");
        String[] otherKeys = stage2.clone();
        otherKeys[2] = other.resolve("server").toString();
        fails(otherKeys, "made for other keys");
        assertFalse(Files.exists(response), "no response after a refused stage 2");

        byte[] good = Files.readAllBytes(request);
        Files.write(request, Arrays.copyOf(good, good.length - 3));
        fails(stage2, "truncated");
        assertTrue(cli.err().contains(request.toString()), cli.err());
        Files.write(request, good);
        ok(stage2);
        ok("rank", "--keys", client, "--scores", dir.resolve("s.ct").toString(), "--top", "4", "--stage2-request",
                dir.resolve("other.h2q").toString(), "--quiet");
        fails(new String[] {"rerank", "--keys", client, "--request", dir.resolve("other.h2q").toString(), "--response",
            response.toString()}, "answers another stage-2 request");
        byte[] answer = Files.readAllBytes(response);
        answer[answer.length / 2] ^= 1;
        Files.write(response, answer);
        fails(new String[] {"rerank", "--keys", client, "--request", request.toString(), "--response", response.toString()},
                "fails its SHA-256 check");
        assertTrue(cli.err().contains(response.toString()), cli.err());

        // Keys made without --two-stage-dims: stage 2 is refused with the keygen option to use.
        String otherClient = other.resolve("client").toString();
        ok("enroll", "--keys", other.resolve("enroller").toString(), "--features", features.toString(), "--out",
                dir.resolve("o-stage").toString(), "--quiet");
        ok("encrypt-probe", "--keys", otherClient, "--features", features.toString(), "--out", dir.resolve("o.ct").toString());
        ok("search", "--server-keys", other.resolve("server").toString(), "--gallery", dir.resolve("o-stage").toString(),
                "--probe", dir.resolve("o.ct").toString(), "--out", dir.resolve("os.ct").toString(), "--quiet");
        ok("rank", "--keys", otherClient, "--scores", dir.resolve("os.ct").toString(), "--top", "3", "--stage2-request",
                dir.resolve("o.h2q").toString(), "--quiet");
        ok("enroll", "--keys", other.resolve("enroller").toString(), "--features", features.toString(), "--layout",
                "packed", "--out", dir.resolve("o-packed").toString(), "--quiet");
        ok("encrypt-probe", "--keys", otherClient, "--features", features.toString(), "--layout", "packed", "--out",
                dir.resolve("o2.ct").toString());
        fails(new String[] {"search", "--server-keys", other.resolve("server").toString(), "--gallery",
            dir.resolve("o-packed").toString(), "--probe", dir.resolve("o2.ct").toString(), "--two-stage",
            dir.resolve("o.h2q").toString(), "--out", dir.resolve("o.h2s").toString(), "--quiet"},
                "hers keygen --two-stage-dims " + FULL);
    }

    private void ok(String... args) {
        assertEquals(0, run(args), String.join(" ", args) + "\n" + cli.err());
    }

    private void fails(String[] args, String expected) {
        assertEquals(1, run(args), String.join(" ", args));
        assertTrue(cli.err().contains(expected), cli.err());
        assertEquals(1, cli.err().strip().lines().count(), "one-line error: " + cli.err());
    }

    private Path npy(String name, float[][] rows) throws IOException {
        Path file = dir.resolve(name);
        NpyWriter.writeFloat32(file, rows);
        return file;
    }

    private static float[][] firstColumns(float[][] rows) {
        return Arrays.stream(rows).map(r -> Arrays.copyOf(r, REDUCED)).toArray(float[][]::new);
    }

    private static double cosine(float[] a, float[] b) {
        return UnitVectors.dot(a, b) / Math.sqrt(UnitVectors.dot(a, a) * UnitVectors.dot(b, b));
    }
}
