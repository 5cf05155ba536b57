package org.hersj.fhe.search.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.ckks.CkksKeyFiles;
import org.hersj.fhe.search.client.Match;
import org.hersj.fhe.search.enroll.RowSource;
import org.hersj.fhe.search.enroll.SyntheticRows;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.store.RecordFileException;
import org.hersj.fhe.search.testing.GeneratedGallery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file-based command path of the CLI roles, with real (secure) keys at N = 4096. */
class FileRolesTest {

  private static final CkksParameters PARAMS = CkksPresets.byName("SEARCH_N4096");

  @TempDir
  Path dir;

  /** A server key directory: every key file except the secret key. */
  private Path serverCopy(Path keys) throws IOException {
    Path server = dir.resolve("server-keys");
    Files.createDirectories(server);
    for (String name : List.of(CkksKeyFiles.PARAMETERS, CkksKeyFiles.PUBLIC, CkksKeyFiles.RELINEARIZATION,
        CkksKeyFiles.GALOIS, CkksKeyFiles.MANIFEST)) {
      if (Files.exists(keys.resolve(name))) {
        Files.copy(keys.resolve(name), server.resolve(name));
      }
    }
    return server;
  }

  @Test
  void keygenEnrollSearchRankOnFilesWithoutTheSecretKeyOnTheServer() throws IOException {
    Path keys = dir.resolve("keys");
    FileRoles.keygen(PARAMS, keys, 0);
    assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(keys.resolve(CkksKeyFiles.SECRET)));
    Path server = serverCopy(keys);
    assertFalse(Files.exists(server.resolve(CkksKeyFiles.SECRET)));

    float[][] gallery = SyntheticRows.materialize(2048 + 10, 16, 4);
    Path store = dir.resolve("gallery");
    FileRoles.enroll(server, RowSource.of(gallery), LayoutKind.HERS_SIMD, store, true, 2, ProgressListener.NONE);
    float[] probe = gallery[2050].clone();
    Path probeFile = dir.resolve("probe.hrec");
    FileRoles.encryptProbe(keys, probe, LayoutKind.HERS_SIMD, probeFile);
    Path scores = dir.resolve("scores.hrec");
    FileRoles.search(server, store, probeFile, scores, ScoreForm.RELINEARIZED, 2, ProgressListener.NONE);
    List<Match> top = FileRoles.rank(keys, scores, 5, 2, ProgressListener.NONE);
    assertEquals(2050, top.get(0).item());
    double[] expected = GeneratedGallery.plainScores(gallery, probe);
    double[] actual = FileRoles.decryptScores(keys, scores, 2, ProgressListener.NONE);
    double max = 0;
    for (int i = 0; i < expected.length; i++) {
      max = Math.max(max, Math.abs(expected[i] - actual[i]));
    }
    System.out.printf("CKKS N=4096 public-key enrollment, d=16: largest score error %.3g%n", max);
    assertTrue(max < 1e-5, "largest error " + max);

    Path otherKeys = dir.resolve("other-keys");
    FileRoles.keygen(PARAMS, otherKeys, 0);
    var e = assertThrows(RecordFileException.class,
        () -> FileRoles.rank(otherKeys, scores, 1, 1, ProgressListener.NONE));
    assertTrue(e.getMessage().contains("another key"), e.getMessage());
    assertThrows(NoSuchFileException.class, () -> FileRoles.rank(server, scores, 1, 1, ProgressListener.NONE));

    Files.copy(otherKeys.resolve(CkksKeyFiles.RELINEARIZATION), server.resolve(CkksKeyFiles.RELINEARIZATION),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    var mixed = assertThrows(IOException.class, () -> FileRoles.search(server, store, probeFile,
        dir.resolve("s2.hrec"), ScoreForm.RELINEARIZED, 1, ProgressListener.NONE));
    assertTrue(mixed.getMessage().contains("corrupted or from another key set"), mixed.getMessage());

    Files.setPosixFilePermissions(keys.resolve(CkksKeyFiles.SECRET),
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    var open = assertThrows(IOException.class, () -> FileRoles.rank(keys, scores, 1, 1, ProgressListener.NONE));
    assertTrue(open.getMessage().contains("chmod 600"), open.getMessage());
  }

  @Test
  void inProcessScoringOfSeveralProbesMatchesPlaintext() throws IOException {
    float[][] gallery = SyntheticRows.materialize(50, 32, 12);
    float[][] probes = {gallery[3], gallery[41], SyntheticRows.materialize(1, 32, 99)[0]};
    double[][] scores = FileRoles.scoreProbes(PARAMS, gallery, probes, dir, 2, ProgressListener.NONE);
    for (int p = 0; p < probes.length; p++) {
      double[] expected = GeneratedGallery.plainScores(gallery, probes[p]);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], scores[p][i], 1e-6, "probe " + p + ", item " + i);
      }
    }
    assertEquals(3, GeneratedGallery.argmax(scores[0]));
    assertEquals(41, GeneratedGallery.argmax(scores[1]));
  }

  @Test
  void baselineKeysAndSearchThroughTheSameCommand() throws IOException {
    Path keys = dir.resolve("keys");
    FileRoles.keygen(PARAMS, keys, 16);
    float[][] gallery = SyntheticRows.materialize(12, 16, 8);
    Path store = dir.resolve("gallery");
    FileRoles.enroll(keys, RowSource.of(gallery), LayoutKind.BODDETI_2018, store, false, 2, ProgressListener.NONE);
    Path probeFile = dir.resolve("probe.hrec");
    FileRoles.encryptProbe(keys, gallery[7], LayoutKind.BODDETI_2018, probeFile);
    Path scores = dir.resolve("scores.hrec");
    var report = FileRoles.search(serverCopy(keys), store, probeFile, scores, ScoreForm.RELINEARIZED, 2,
        ProgressListener.NONE);
    assertEquals(12 * 4, report.operations().rotations());
    assertEquals(7, FileRoles.rank(keys, scores, 1, 1, ProgressListener.NONE).get(0).item());
  }
}
