package org.hersj.fhe.search.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.ckks.CkksKeyFiles;
import org.hersj.fhe.search.enroll.RowSource;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.store.FileKind;
import org.hersj.fhe.search.store.GalleryStore;
import org.hersj.fhe.search.store.RecordFileHeader;
import org.hersj.fhe.search.store.RecordFileReader;
import org.hersj.fhe.search.store.ShardManifest;
import org.hersj.fhe.search.testing.FileRoles;
import org.hersj.fhe.search.twostage.Stage2Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by earlier releases still work (as Tribuo tests old models): for every release directory
 * under {@code src/test/resources/golden/}, its keys load in every role, its encrypted scores decrypt to the
 * plaintext inner products, and its gallery and probe search again to the same scores; its stage-2 request and
 * shard manifest (since 0.2.0) read back bound to its gallery. A format change
 * that cannot read an existing file fails here; new formats must keep reading the old ones. Regenerate a
 * release's files only with {@link GoldenFiles} and only into a new directory.
 */
class GoldenFilesTest {

  /** Max |decrypted - plaintext| at SEARCH_N4096 for unit vectors of dimension 4 (measured ~1e-7). */
  private static final double PRECISION = 1e-5;
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  @TempDir
  Path work;

  @Test
  void everyReleasesFilesStillDecryptAndSearch() throws IOException {
    List<Path> releases;
    try (Stream<Path> s = Files.list(GOLDEN)) {
      releases = s.filter(Files::isDirectory).sorted().toList();
    }
    assertFalse(releases.isEmpty(), "no golden release directory under " + GOLDEN.toAbsolutePath());
    for (Path release : releases) {
      checkRelease(release);
    }
  }

  private void checkRelease(Path release) throws IOException {
    String name = release.getFileName().toString();
    float[][] rows = readRows(release.resolve("vectors.csv"));
    float[] probe = rows[rows.length - 1];
    double[] expected = new double[rows.length - 1];
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < probe.length; j++) {
        expected[i] += (double) rows[i][j] * probe[j];
      }
    }
    Path client = work.resolve(name).resolve("client");
    Path server = work.resolve(name).resolve("server");
    copyKeys(release.resolve("keys"), client, true);
    copyKeys(release.resolve("keys"), server, false);

    // the release's own encrypted scores
    assertClose(expected, FileRoles.decryptScores(client, release.resolve("scores.hrec"), 1, ProgressListener.NONE),
        name + " scores.hrec");

    // the release's gallery and probe, searched by today's server with the release's server keys
    Path scores = work.resolve(name).resolve("scores-today.hrec");
    FileRoles.search(server, release.resolve("gallery"), release.resolve("probe.hprobe"), scores,
        ScoreForm.RELINEARIZED, 1, ProgressListener.NONE);
    assertClose(expected, FileRoles.decryptScores(client, scores, 1, ProgressListener.NONE), name + " search");

    // the release's enroller keys encrypt a new gallery today that its probe searches
    Path gallery = work.resolve(name).resolve("gallery-today");
    FileRoles.enroll(server, RowSource.of(java.util.Arrays.copyOf(rows, rows.length - 1)), LayoutKind.HERS_COMPLEX,
        gallery, true, 1, ProgressListener.NONE);
    FileRoles.search(server, gallery, release.resolve("probe.hprobe"), scores, ScoreForm.RELINEARIZED, 1,
        ProgressListener.NONE);
    assertClose(expected, FileRoles.decryptScores(client, scores, 1, ProgressListener.NONE), name + " re-enrolled");

    // since 0.2.0: a stage-2 request and a shard manifest, bound to the release's gallery
    Path request = release.resolve("stage2-request.h2q");
    if (Files.exists(request)) {
      RecordFileHeader galleryHeader;
      try (RecordFileReader reader = RecordFileReader.open(GalleryStore.recordsFile(release.resolve("gallery")),
          FileKind.GALLERY)) {
        galleryHeader = reader.header();
      }
      Stage2Request read = Stage2Request.read(request);
      assertArrayEquals(GoldenFiles.CANDIDATES, read.candidates(), name + " stage-2 request");
      assertEquals(galleryHeader.keyFingerprint(), read.keyFingerprint(), name + " stage-2 request key");
      ShardManifest manifest = ShardManifest.read(release.resolve("sharded"));
      assertEquals(galleryHeader, manifest.whole(), name + " manifest header");
      assertEquals(galleryHeader.fileBytes(), manifest.shards().get(0).bytes(), name + " manifest shard size");
    }
  }

  private static void assertClose(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what + ": score count");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], PRECISION, what + ": item " + i);
    }
  }

  /**
   * Copies a golden key directory for one role: with the secret key (made owner-only, which git does not
   * keep) for the key owner, without it for the server and enroller.
   */
  static void copyKeys(Path from, Path to, boolean withSecret) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path file : s.toList()) {
        boolean secret = file.getFileName().toString().equals(CkksKeyFiles.SECRET);
        if (secret && !withSecret) {
          continue;
        }
        Path copy = Files.copy(file, to.resolve(file.getFileName().toString()));
        if (secret) {
          Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
        }
      }
    }
    if (!Files.isRegularFile(to.resolve(CkksKeyFiles.PARAMETERS))) {
      throw new IOException("no " + CkksKeyFiles.PARAMETERS + " in " + from);
    }
  }

  private static float[][] readRows(Path csv) throws IOException {
    return Files.readAllLines(csv, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(l -> {
      String[] cells = l.split(",");
      float[] row = new float[cells.length];
      for (int j = 0; j < cells.length; j++) {
        row[j] = Float.parseFloat(cells[j]);
      }
      return row;
    }).toArray(float[][]::new);
  }
}
