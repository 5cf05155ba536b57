package org.hersj.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hersj.fhe.search.store.GalleryStore;
import org.hersj.fhe.search.store.RecordFileWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrollment under faults, with a real second process: {@code hers enroll} in a child JVM is killed with
 * SIGKILL at 5 random points of a 20,000-item enrollment and resumed each time; the finished gallery gives
 * every score of a fresh enrollment (within CKKS precision). And two writers: while the child holds a
 * gallery directory, an enrollment into it from this process is refused and the child's gallery is intact.
 */
class EnrollmentFaultTest {

    private static final int ITEMS = 20_000;
    private static final int DIMS = 4;
    /** Items per record of the hers layout at SEARCH_N4096 (N/2 slots): 10 records. */
    private static final int PER_RECORD = 2048;
    private static final int RECORDS = (ITEMS + PER_RECORD - 1) / PER_RECORD;

    @TempDir
    Path dir;

    private final StrictCliFixture cli = StrictCliFixture.create();

    private Process child(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), HersCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile())
                .start();
    }

    /** Records journaled so far (entries after the journal's header), -1 before the journal exists. */
    private static long journaled(Path gallery) throws IOException {
        Path journal = RecordFileWriter.journalFileOf(GalleryStore.recordsFile(gallery));
        if (!Files.exists(journal)) {
            return -1;
        }
        long size = Files.size(journal);
        return size < 12 ? 0 : Math.max(0, (size - headerBytes(journal)) / 12);
    }

    private static long headerBytes(Path journal) throws IOException {
        byte[] start = new byte[8];
        try (var in = Files.newInputStream(journal)) {
            if (in.readNBytes(start, 0, 8) < 8) {
                return Long.MAX_VALUE;
            }
        }
        int length = java.nio.ByteBuffer.wrap(start).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(4);
        return 12L + length;
    }

    private String[] enrollArgs(Path keys, Path features, Path gallery) {
        return new String[] {"enroll", "--keys", keys.resolve("enroller").toString(), "--features", features.toString(),
            "--layout", "hers", "--threads", "1", "--out", gallery.toString(), "--quiet"};
    }

    private List<String> allScores(Path keys, Path gallery, Path probe, String name) {
        Path scores = dir.resolve(name);
        cli.ok("search", "--server-keys", keys.resolve("server").toString(), "--gallery", gallery.toString(), "--probe",
                probe.toString(), "--out", scores.toString(), "--quiet");
        return cli.ok("rank", "--keys", keys.resolve("client").toString(), "--scores", scores.toString(), "--all",
                "--quiet").lines().skip(1).toList();
    }

    @Test
    void killedFiveTimesAtRandomPointsTheResumedGalleryScoresAsAFreshOne() throws Exception {
        Path keys = dir.resolve("keys");
        cli.ok("keygen", "--preset", "SEARCH_N4096", "--out", keys.toString(), "--quiet");
        Path features = StrictCliFixture.npy(dir.resolve("features.npy"), StrictCliFixture.rows(ITEMS, DIMS, 3));
        Path gallery = dir.resolve("gallery");
        Random random = new Random(20261202);
        long[] seen = new long[5];
        for (int kill = 0; kill < 5; kill++) {
            long before = Math.max(0, journaled(gallery));
            long target = Math.min(RECORDS - 3, before + 1 + random.nextInt(2));
            Process p = child(enrollArgs(keys, features, gallery));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (p.isAlive() && journaled(gallery) < target && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
            p.waitFor();
            seen[kill] = journaled(gallery);
            assertTrue(!Files.exists(GalleryStore.recordsFile(gallery)), "killed before completion (kill " + kill + ")");
        }
        assertTrue(seen[4] >= 1, "records journaled across the kills: " + java.util.Arrays.toString(seen));
        String resumed = cli.ok(enrollArgs(keys, features, gallery));
        assertTrue(resumed.contains("(" + RECORDS + " blocks, " + seen[4] + " resumed"), resumed);

        Path fresh = dir.resolve("fresh");
        cli.ok(enrollArgs(keys, features, fresh));
        Path probe = dir.resolve("probe.ct");
        cli.ok("encrypt-probe", "--keys", keys.resolve("client").toString(), "--features", features.toString(), "--row",
                "12345", "--out", probe.toString());
        List<String> a = allScores(keys, gallery, probe, "a.ct");
        List<String> b = allScores(keys, fresh, probe, "b.ct");
        assertEquals(ITEMS, a.size());
        assertEquals(ITEMS, b.size());
        for (int i = 0; i < ITEMS; i++) {
            String[] x = a.get(i).split(",");
            String[] y = b.get(i).split(",");
            assertEquals(y[0], x[0]);
            // 1e-4: two public-key encryptions plus flooded decryptions differ by ~1e-5 at SEARCH_N4096
            assertEquals(Double.parseDouble(y[1]), Double.parseDouble(x[1]), 1e-4, "item " + i);
        }
        assertEquals("12345", cli.ok("rank", "--keys", keys.resolve("client").toString(), "--scores",
                dir.resolve("a.ct").toString(), "--top", "1", "--quiet").lines().toList().get(1).split(",")[1]);
    }

    @Test
    void secondWriterIsRefusedWhileAnotherProcessEnrolls() throws Exception {
        Path keys = dir.resolve("keys");
        cli.ok("keygen", "--preset", "SEARCH_N4096", "--out", keys.toString(), "--quiet");
        // 64 dimensions: the child takes a few seconds, long enough to be caught holding the directory.
        Path mine = StrictCliFixture.npy(dir.resolve("mine.npy"), StrictCliFixture.rows(ITEMS, 64, 3));
        Path theirs = StrictCliFixture.npy(dir.resolve("theirs.npy"), StrictCliFixture.rows(ITEMS, 64, 4));
        Path gallery = dir.resolve("gallery");
        Process p = child(enrollArgs(keys, theirs, gallery));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (p.isAlive() && journaled(gallery) < 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertTrue(p.isAlive(), "the child is still enrolling");
            cli.refused(1, "another enrollment is writing " + gallery, mine.getParent().resolve("keys"),
                    enrollArgs(keys, mine, gallery));
            assertEquals(0, p.waitFor(), Files.readString(dir.resolve("child.log")));
        } finally {
            p.destroyForcibly();
        }
        Path probe = dir.resolve("probe.ct");
        cli.ok("encrypt-probe", "--keys", keys.resolve("client").toString(), "--features", theirs.toString(), "--row",
                "777", "--out", probe.toString());
        Path scores = dir.resolve("scores.ct");
        cli.ok("search", "--server-keys", keys.resolve("server").toString(), "--gallery", gallery.toString(), "--probe",
                probe.toString(), "--out", scores.toString(), "--quiet");
        String top = cli.ok("rank", "--keys", keys.resolve("client").toString(), "--scores", scores.toString(), "--top",
                "1", "--quiet");
        String[] best = top.lines().toList().get(1).split(",");
        assertEquals("777", best[1], "the gallery holds the child's rows only");
        assertEquals(1.0, Double.parseDouble(best[2]), 1e-4);
    }
}
