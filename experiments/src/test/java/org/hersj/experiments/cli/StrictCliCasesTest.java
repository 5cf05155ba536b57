package org.hersj.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.NoSuchElementException;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.ckks.CkksKeyFiles;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.RowSource;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.store.StoreLock;
import org.hersj.fhe.search.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance set of the strict-inputs issue: each case a careless or hostile user can hit through the
 * CLI, each asserting the exit code, the one-line message, no stack trace and that no file (input, key or
 * output) under the test directory was created, changed or removed by the refused command.
 */
class StrictCliCasesTest {

    private static final int ITEMS = 37;
    private static final int DIMS = 16;

    @TempDir
    static Path shared;
    private static Path sharedKeys;
    private static Path otherKeys;

    @TempDir
    Path dir;

    private final StrictCliFixture cli = StrictCliFixture.create();
    private Path keys;
    private Path features;
    private Path labels;

    @BeforeAll
    static void keygen() {
        sharedKeys = shared.resolve("keys");
        otherKeys = shared.resolve("other-keys");
        StrictCliFixture fixture = StrictCliFixture.create();
        fixture.ok("keygen", "--preset", "SEARCH_N4096", "--out", sharedKeys.toString(), "--quiet");
        fixture.ok("keygen", "--preset", "SEARCH_N4096", "--out", otherKeys.toString(), "--quiet");
    }

    @BeforeEach
    void data() throws IOException {
        keys = dir.resolve("keys");
        StrictCliFixture.copyTree(sharedKeys, keys);
        features = StrictCliFixture.npy(dir.resolve("features.npy"), StrictCliFixture.rows(ITEMS, DIMS, 7));
        labels = StrictCliFixture.labels(dir.resolve("labels.txt"), ITEMS, 1000);
    }

    private String role(String name) {
        return keys.resolve(name).toString();
    }

    private Path enroll(String name) {
        Path gallery = dir.resolve(name);
        cli.ok("enroll", "--keys", role("enroller"), "--features", features.toString(), "--labels", labels.toString(),
                "--out", gallery.toString(), "--quiet");
        return gallery;
    }

    private Path probe(String name, int row) {
        Path probe = dir.resolve(name);
        cli.ok("encrypt-probe", "--keys", role("client"), "--features", features.toString(), "--row",
                Integer.toString(row), "--out", probe.toString());
        return probe;
    }

    private Path scores(Path gallery, Path probe, String name) {
        Path scores = dir.resolve(name);
        cli.ok("search", "--server-keys", role("server"), "--gallery", gallery.toString(), "--probe", probe.toString(),
                "--out", scores.toString(), "--quiet");
        return scores;
    }

    private Path config(String yaml) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static final String SYNTHETIC = "dataset:\n  synthetic: {kind: arcface-like, identities: 5, samplesPerIdentity: 2}\n";

    // ---- configs ----

    @Test
    void duplicateTopLevelConfigKeyIsRefusedWithKeyAndLine() throws IOException {
        Path file = config("name: dup\nseed: 1\nseed: 2\n" + SYNTHETIC);
        cli.refused(1, "seed: duplicate key (line 3)", dir, "run", file.toString(), "--results-dir",
                dir.resolve("results").toString());
    }

    @Test
    void duplicateNestedConfigKeyIsRefusedWithItsPath() throws IOException {
        Path file = config("name: dup\nseed: 1\ndataset:\n  features: a.npy\n  labels: b.npy\n  features: c.npy\n");
        cli.refused(1, "dataset.features: duplicate key (line 6)", dir, "run", file.toString(), "--results-dir",
                dir.resolve("results").toString());
    }

    @Test
    void yamlAliasInConfigIsRefused() throws IOException {
        Path file = config("name: alias\nseed: 1\ndataset:\n  name: *n\n"
                + "  synthetic: {kind: arcface-like, identities: 5, samplesPerIdentity: 2}\n");
        cli.refused(1, "dataset.name: YAML alias *n (line 4)", dir, "run", file.toString(), "--results-dir",
                dir.resolve("results").toString());
    }

    @Test
    void yamlAnchorInConfigIsRefused() throws IOException {
        Path file = config("name: &n anchor\nseed: 1\n" + SYNTHETIC);
        cli.refused(1, "name: YAML anchor &n (line 1)", dir, "run", file.toString(), "--results-dir",
                dir.resolve("results").toString());
    }

    @Test
    void runIdCacheIsRefusedBeforeTheRun() throws IOException {
        Path file = config("name: reserved\nseed: 1\n" + SYNTHETIC);
        cli.refused(1, "run id 'cache' is reserved", dir, "run", file.toString(), "--results-dir",
                dir.resolve("results").toString(), "--run-id", "cache");
        assertFalse(Files.exists(dir.resolve("results")), "nothing was run");
    }

    @Test
    void invalidRunIdIsRefusedBeforeTheRun() throws IOException {
        Path file = config("name: invalid\nseed: 1\n" + SYNTHETIC);
        cli.refused(1, "run id '../x' is not valid", dir, "run", file.toString(), "--results-dir",
                dir.resolve("results").toString(), "--run-id", "../x");
    }

    // ---- .npy headers ----

    private void refusedNpy(String header, int floats, String message) throws IOException {
        Path bad = StrictCliFixture.rawNpy(dir.resolve("bad.npy"), header, floats);
        cli.refused(1, message, dir, "enroll", "--keys", role("enroller"), "--features", bad.toString(), "--out",
                dir.resolve("gallery").toString(), "--quiet");
        assertFalse(Files.exists(dir.resolve("gallery")), "no gallery directory");
    }

    @Test
    void npyHeaderWithTwoShapesIsNeverReadAsTheFirst() throws IOException {
        // numpy reads this as (100, 192) (the last 'shape'); the old parser enrolled it as 50 x 384.
        refusedNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (50, 384), 'shape': (100, 192), }", 100 * 192,
                "the key 'shape' appears twice");
    }

    @Test
    void npyHeaderWithoutBracesIsRefused() throws IOException {
        refusedNpy("'descr': '<f4', 'fortran_order': False, 'shape': (4, 4),", 16, "must be a Python dict in braces");
    }

    @Test
    void npyHeaderWithAnExtraKeyIsRefused() throws IOException {
        refusedNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (4, 4), 'extra': 1, }", 16,
                "unexpected key 'extra'");
    }

    @Test
    void npyDescrInsideAStringValueIsNotTaken() throws IOException {
        refusedNpy("{'descr': \"x'descr': '<f4'\", 'fortran_order': False, 'shape': (4, 4), }", 16,
                "unsupported element type");
    }

    @Test
    void npyHeaderMissingAKeyIsRefused() throws IOException {
        refusedNpy("{'descr': '<f4', 'shape': (4, 4), }", 16, "the key 'fortran_order' is missing");
    }

    @Test
    void npyHeaderWithUntypedValuesIsRefused() throws IOException {
        refusedNpy("{'descr': '<f4', 'fortran_order': 0, 'shape': (4, 4), }", 16, "'fortran_order' must be True or False");
    }

    @Test
    void npyShapeThatIsNotATupleOfIntegersIsRefused() throws IOException {
        refusedNpy("{'descr': '<f4', 'fortran_order': False, 'shape': [4, 4], }", 16, "'shape' must be a tuple");
    }

    @Test
    void npyHeaderWithTextAfterTheDictIsRefused() throws IOException {
        refusedNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (4, 4), } 'shape': (2, 8)", 16,
                "unexpected text after the closing '}'");
    }

    // ---- outputs ----

    @Test
    void searchOutOntoTheGalleryFileIsRefusedEvenWithForce() throws IOException {
        Path gallery = enroll("gallery");
        Path probe = probe("probe.ct", 3);
        cli.refused(1, "lies inside the input directory", dir, "search", "--server-keys", role("server"), "--gallery",
                gallery.toString(), "--probe", probe.toString(), "--out", gallery.resolve("gallery.hrec").toString(),
                "--force", "--quiet");
    }

    @Test
    void outputThatIsAnInputIsRefusedEvenWithForce() throws IOException {
        Path gallery = enroll("gallery");
        Path probe = probe("probe.ct", 3);
        cli.refused(1, "is also an input of this command", dir, "search", "--server-keys", role("server"), "--gallery",
                gallery.toString(), "--probe", probe.toString(), "--out", probe.toString(), "--force", "--quiet");
    }

    @Test
    void encryptProbeOntoTheSecretKeyIsRefused() throws IOException {
        cli.refused(1, "lies inside the key directory", dir, "encrypt-probe", "--keys", role("client"), "--features",
                features.toString(), "--out", keys.resolve("client/secret.key").toString(), "--force");
    }

    @Test
    void outputInsideAKeyDirectoryIsRefused() throws IOException {
        cli.refused(1, "lies inside the key directory", dir, "encrypt-probe", "--keys", role("client"), "--features",
                features.toString(), "--out", keys.resolve("probe.ct").toString());
    }

    @Test
    void galleryInsideAKeyDirectoryIsRefused() throws IOException {
        cli.refused(1, "lies inside the key directory", dir, "enroll", "--keys", role("enroller"), "--features",
                features.toString(), "--out", keys.resolve("gallery").toString(), "--quiet");
    }

    @Test
    void existingOutputIsNotReplacedWithoutForce() throws IOException {
        Path existing = Files.writeString(dir.resolve("probe.ct"), "precious");
        cli.refused(1, "already exists; pass --force to replace it", dir, "encrypt-probe", "--keys", role("client"),
                "--features", features.toString(), "--out", existing.toString());
    }

    @Test
    void existingRankingCsvIsNotReplacedWithoutForce() throws IOException {
        Path scores = scores(enroll("gallery"), probe("probe.ct", 3), "scores.ct");
        Path csv = Files.writeString(dir.resolve("ranking.csv"), "precious");
        cli.refused(1, "--out " + csv + " already exists", dir, "rank", "--keys", role("client"), "--scores",
                scores.toString(), "--out", csv.toString(), "--quiet");
    }

    @Test
    void forceReplacesAnExistingOutputWithTheNewFile() throws IOException {
        Path gallery = enroll("gallery");
        Path scores = scores(gallery, probe("probe3.ct", 3), "scores.ct");
        Path probe5 = probe("probe5.ct", 5);
        cli.ok("search", "--server-keys", role("server"), "--gallery", gallery.toString(), "--probe", probe5.toString(),
                "--out", scores.toString(), "--force", "--quiet");
        String top = cli.ok("rank", "--keys", role("client"), "--scores", scores.toString(), "--top", "1", "--quiet");
        assertEquals("5", top.lines().toList().get(1).split(",")[1], "the replaced scores are those of probe 5");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".scores.ct")), "no temporary left");
        }
    }

    @Test
    void missingOutputParentDirectoryIsNamed() throws IOException {
        Path out = dir.resolve("no/such/dir/probe.ct");
        String err = cli.refused(1, "directory " + out.getParent() + " does not exist", dir, "encrypt-probe", "--keys",
                role("client"), "--features", features.toString(), "--out", out.toString());
        assertFalse(err.contains(".part"), "no internal file name: " + err);
    }

    @Test
    void directoryGivenAsOutputFileIsRefused() throws IOException {
        Path out = Files.createDirectory(dir.resolve("a-directory"));
        cli.refused(1, "is a directory; give the name of a file", dir, "encrypt-probe", "--keys", role("client"),
                "--features", features.toString(), "--out", out.toString());
    }

    @Test
    void outputParentThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        cli.refused(1, file + " is a file, not a directory", dir, "encrypt-probe", "--keys", role("client"),
                "--features", features.toString(), "--out", file.resolve("probe.ct").toString());
    }

    @Test
    void permissionDeniedOnTheOutputDirectoryIsNamed() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeFalse(Files.isWritable(locked), "running as root: permissions are not enforced");
            cli.refused(1, "permission denied (cannot write in " + locked + ")", dir, "encrypt-probe", "--keys",
                    role("client"), "--features", features.toString(), "--out", locked.resolve("probe.ct").toString());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void stage2RequestOntoTheScoresFileIsRefused() throws IOException {
        Path scores = scores(enroll("gallery"), probe("probe.ct", 3), "scores.ct");
        cli.refused(1, "is also an input of this command", dir, "rank", "--keys", role("client"), "--scores",
                scores.toString(), "--stage2-request", scores.toString(), "--force", "--quiet");
    }

    @Test
    void rankCsvOntoTheLabelsIsRefused() throws IOException {
        Path gallery = enroll("gallery");
        Path scores = scores(gallery, probe("probe.ct", 3), "scores.ct");
        Path galleryLabels = EnrollCommand.defaultLabelsFile(gallery);
        cli.refused(1, "is also an input of this command", dir, "rank", "--keys", role("client"), "--scores",
                scores.toString(), "--labels", galleryLabels.toString(), "--out", galleryLabels.toString(), "--force",
                "--quiet");
    }

    // ---- keys and scores ----

    @Test
    void rankLabelsOfAnotherGalleryAreRefused() throws IOException {
        Path scores = scores(enroll("gallery"), probe("probe.ct", 3), "scores.ct");
        Path other = StrictCliFixture.labels(dir.resolve("other-labels.txt"), 10, 5000);
        cli.refused(1, "holds 10 labels but the gallery holds " + ITEMS + " items", dir, "rank", "--keys",
                role("client"), "--scores", scores.toString(), "--top", "3", "--labels", other.toString(), "--quiet");
    }

    @Test
    void secretKeyOfAnotherKeygenIsRefused() throws IOException {
        Path scores = scores(enroll("gallery"), probe("probe.ct", 3), "scores.ct");
        Files.copy(otherKeys.resolve("client/secret.key"), keys.resolve("client/secret.key"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        cli.refused(1, "secret.key is corrupted or from another key set", dir, "rank", "--keys", role("client"),
                "--scores", scores.toString(), "--quiet");
    }

    @Test
    void secretKeyWithItsManifestFromAnotherKeygenIsRefused() throws IOException {
        Path scores = scores(enroll("gallery"), probe("probe.ct", 3), "scores.ct");
        for (String name : new String[] {CkksKeyFiles.SECRET, CkksKeyFiles.MANIFEST}) {
            Files.copy(otherKeys.resolve("client").resolve(name), keys.resolve("client").resolve(name),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        cli.refused(1, "is corrupted or from another key set", dir, "rank", "--keys", role("client"), "--scores",
                scores.toString(), "--quiet");
    }

    @Test
    void foreignSecretKeyWithARewrittenManifestIsRefusedByContent() throws IOException {
        Path scores = scores(enroll("gallery"), probe("probe.ct", 3), "scores.ct");
        Path client = keys.resolve("client");
        Files.copy(otherKeys.resolve("client/secret.key"), client.resolve("secret.key"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Path manifest = client.resolve(CkksKeyFiles.MANIFEST);
        String text = Files.readString(manifest).lines().filter(l -> !l.startsWith("secret.key "))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        Files.writeString(manifest, text);
        cli.refused(1, "is not the secret key of the public key", dir, "rank", "--keys", client.toString(), "--scores",
                scores.toString(), "--quiet");
    }

    @Test
    void bitFlippedServerKeyIsReportedAsCorrupted() throws IOException {
        Path gallery = enroll("gallery");
        Path probe = probe("probe.ct", 3);
        StrictCliFixture.flipBit(keys.resolve("server/relinearization.key"));
        String err = cli.refused(1, "relinearization.key is corrupted or from another key set", dir, "search",
                "--server-keys", role("server"), "--gallery", gallery.toString(), "--probe", probe.toString(), "--out",
                dir.resolve("scores.ct").toString(), "--quiet");
        assertFalse(err.contains("mixed"), err);
    }

    @Test
    void bitFlippedSecretKeyIsReportedAsCorrupted() throws IOException {
        Path scores = scores(enroll("gallery"), probe("probe.ct", 3), "scores.ct");
        StrictCliFixture.flipBit(keys.resolve("client/secret.key"));
        cli.refused(1, "secret.key is corrupted or from another key set", dir, "rank", "--keys", role("client"),
                "--scores", scores.toString(), "--quiet");
    }

    @Test
    void bitFlippedPublicKeyOfTheEnrollerIsReportedAsCorrupted() throws IOException {
        StrictCliFixture.flipBit(keys.resolve("enroller/public.key"));
        cli.refused(1, "public.key is corrupted or from another key set", dir, "enroll", "--keys", role("enroller"),
                "--features", features.toString(), "--out", dir.resolve("gallery").toString(), "--quiet");
    }

    @Test
    void decryptedScoresOutsideTheUnitRangeStopRank() throws IOException {
        // Scores of rows three times unit length (enrolled through the API, which does not normalise).
        float[][] rows = StrictCliFixture.rows(ITEMS, DIMS, 7);
        for (float[] row : rows) {
            double norm = 0;
            for (float v : row) {
                norm += v * v;
            }
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (3 * row[j] / Math.sqrt(norm));
            }
        }
        Path gallery = dir.resolve("scaled");
        new GalleryEnroller(CkksKeyFiles.loadEnroller(keys.resolve("enroller"), RandomSource.secure()), 1, 1)
                .enroll(RowSource.of(rows), LayoutKind.HERS_COMPLEX, gallery, ProgressListener.NONE);
        Path scores = scores(gallery, probe("probe.ct", 3), "scores.ct");
        cli.refused(1, "the keys and the scores do not belong together", dir, "rank", "--keys", role("client"),
                "--scores", scores.toString(), "--quiet");
    }

    // ---- enrollment: resume, lock, key directory ----

    /** An enrollment of {@code input} (with {@code labelsFile}) interrupted after its first record, as the CLI starts it. */
    private Path interruptedEnrollment(Path input, Path labelsFile, LayoutKind kind) throws IOException {
        Path gallery = dir.resolve("gallery");
        float[][] rows = org.hersj.experiments.data.DatasetLoader.readFeatures(input);
        org.hersj.experiments.data.UnitNormalizer.normalizeRows(rows);
        RowSource all = RowSource.of(rows);
        int perRecord = 2048;
        RowSource failing = new RowSource() {
            private long delivered;

            @Override
            public int dimension() {
                return all.dimension();
            }

            @Override
            public long rowCount() {
                return all.rowCount();
            }

            @Override
            public void next(float[] row) throws IOException {
                if (delivered++ >= perRecord) {
                    throw new IOException("simulated crash");
                }
                all.next(row);
            }
        };
        try {
            new GalleryEnroller(CkksKeyFiles.loadEnroller(keys.resolve("enroller"), RandomSource.secure()), 1, 1)
                    .enroll(failing, kind, gallery, ProgressListener.NONE,
                            EnrollmentInput.identity(input, labelsFile));
        } catch (IOException | NoSuchElementException expected) {
            // interrupted
        }
        assertTrue(Files.exists(gallery.resolve("gallery.hrec.part")), "an interrupted enrollment is in place");
        return gallery;
    }

    private Path bigFeatures(String name, long seed) throws IOException {
        return StrictCliFixture.npy(dir.resolve(name), StrictCliFixture.rows(5000, 4, seed));
    }

    @Test
    void resumeFromAnotherFeatureFileIsRefused() throws IOException {
        Path first = bigFeatures("first.npy", 1);
        Path second = bigFeatures("second.npy", 2);
        Path gallery = interruptedEnrollment(first, null, LayoutKind.HERS_SIMD);
        cli.refused(1, "made from another input (features.", dir, "enroll", "--keys", role("enroller"), "--features",
                second.toString(), "--layout", "hers", "--out", gallery.toString(), "--quiet");
    }

    @Test
    void resumeWithOtherLabelsIsRefused() throws IOException {
        Path first = bigFeatures("first.npy", 1);
        Path labelsA = StrictCliFixture.labels(dir.resolve("a.txt"), 5000, 0);
        Path labelsB = StrictCliFixture.labels(dir.resolve("b.txt"), 5000, 1);
        Path gallery = interruptedEnrollment(first, labelsA, LayoutKind.HERS_SIMD);
        cli.refused(1, "made from another input (labels.sha256 was", dir, "enroll", "--keys", role("enroller"),
                "--features", first.toString(), "--labels", labelsB.toString(), "--layout", "hers", "--out",
                gallery.toString(), "--quiet");
    }

    @Test
    void resumeFromAFileModifiedSinceIsRefused() throws IOException {
        Path first = bigFeatures("first.npy", 1);
        Path gallery = interruptedEnrollment(first, null, LayoutKind.HERS_SIMD);
        Files.setLastModifiedTime(first, FileTime.fromMillis(Files.getLastModifiedTime(first).toMillis() + 5000));
        cli.refused(1, "made from another input (features.mtime was", dir, "enroll", "--keys", role("enroller"),
                "--features", first.toString(), "--layout", "hers", "--out", gallery.toString(), "--quiet");
    }

    @Test
    void resumeFromTheSameInputCompletesTheGallery() throws IOException {
        Path first = bigFeatures("first.npy", 1);
        Path gallery = interruptedEnrollment(first, null, LayoutKind.HERS_SIMD);
        String out = cli.ok("enroll", "--keys", role("enroller"), "--features", first.toString(), "--layout", "hers",
                "--out", gallery.toString(), "--quiet");
        assertTrue(out.contains("(3 blocks, 1 resumed from an earlier run"), out);
    }

    @Test
    void completeGalleryIsNotReEnrolledAndItsLabelsStay() throws IOException {
        Path gallery = enroll("gallery");
        Path otherLabels = StrictCliFixture.labels(dir.resolve("other.txt"), ITEMS, 7000);
        cli.refused(1, "already exists and is complete", dir, "enroll", "--keys", role("enroller"), "--features",
                features.toString(), "--labels", otherLabels.toString(), "--out", gallery.toString(), "--quiet");
    }

    @Test
    void secondEnrollmentWhileOneHoldsTheDirectoryIsRefused() throws Exception {
        Path gallery = Files.createDirectories(dir.resolve("gallery"));
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (StoreLock lock = StoreLock.acquire(gallery)) {
                locked.countDown();
                release.await();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        try {
            locked.await();
            cli.refused(1, "another enrollment is writing " + gallery, dir, "enroll", "--keys", role("enroller"),
                    "--features", features.toString(), "--out", gallery.toString(), "--quiet");
        } finally {
            release.countDown();
            holder.join();
        }
        enroll("gallery"); // once released, the directory can be enrolled
    }

    @Test
    void serverRefusesTheClientDirectory() throws IOException {
        Path gallery = enroll("gallery");
        Path probe = probe("probe.ct", 3);
        cli.refused(1, "holds the secret key", dir, "search", "--server-keys", role("client"), "--gallery",
                gallery.toString(), "--probe", probe.toString(), "--out", dir.resolve("scores.ct").toString(), "--quiet");
    }

    // ---- poor messages made clear ----

    @Test
    void threadsFarAboveTheCoresAreRefused() throws IOException {
        Path gallery = enroll("gallery");
        Path probe = probe("probe.ct", 3);
        cli.refused(1, "--threads 100000 is out of range; expected 1 to", dir, "search", "--server-keys",
                role("server"), "--gallery", gallery.toString(), "--probe", probe.toString(), "--out",
                dir.resolve("scores.ct").toString(), "--threads", "100000", "--quiet");
    }

    @Test
    void enrollThreadsAboveTheCapAreRefused() throws IOException {
        cli.refused(1, "--threads 100000 is out of range", dir, "enroll", "--keys", role("enroller"), "--features",
                features.toString(), "--out", dir.resolve("gallery").toString(), "--threads", "100000", "--quiet");
    }

    @Test
    void zeroThreadsAreRefused() throws IOException {
        Path scores = scores(enroll("gallery"), probe("probe.ct", 3), "scores.ct");
        cli.refused(1, "--threads 0 is out of range", dir, "rank", "--keys", role("client"), "--scores",
                scores.toString(), "--threads", "0", "--quiet");
    }

    @Test
    void directoryGivenAsFeaturesIsADirectory() throws IOException {
        cli.refused(1, "--features " + dir + " is a directory", dir, "enroll", "--keys", role("enroller"), "--features",
                dir.toString(), "--out", dir.resolve("gallery").toString(), "--quiet");
    }

    @Test
    void missingFeaturesFileIsNamed() throws IOException {
        cli.refused(1, "--features " + dir.resolve("nope.npy") + " does not exist", dir, "encrypt-probe", "--keys",
                role("client"), "--features", dir.resolve("nope.npy").toString(), "--out",
                dir.resolve("probe.ct").toString());
    }

    @Test
    void unreadableFeaturesFileIsPermissionDenied() throws IOException {
        Files.setPosixFilePermissions(features, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(features), "running as root: permissions are not enforced");
            cli.refused(1, "permission denied", dir, "enroll", "--keys", role("enroller"), "--features",
                    features.toString(), "--out", dir.resolve("gallery").toString(), "--quiet");
        } finally {
            Files.setPosixFilePermissions(features, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
