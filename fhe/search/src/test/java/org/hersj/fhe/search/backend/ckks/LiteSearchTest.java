package org.hersj.fhe.search.backend.ckks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.io.CompactPayloads;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.client.SearchClient;
import org.hersj.fhe.search.enroll.SyntheticRows;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.server.EncryptedSearchServer;
import org.hersj.fhe.search.server.PlaintextProbeSearchWeakerThreatModel;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.store.EncryptedProbe;
import org.hersj.fhe.search.store.GalleryStore;
import org.hersj.fhe.search.store.RecordFileHeader;
import org.hersj.fhe.search.testing.GeneratedGallery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search contract on the one-prime LITE_N2048 preset (no special prime, degree-two scores only,
 * bit-packed records): encrypted top-1 equals plaintext top-1 and every score of a key-owner gallery is
 * within 1e-4 of the plaintext inner product; the forms and modes it cannot run are refused with a
 * one-line reason; its key directory has no relinearisation key.
 */
class LiteSearchTest extends CkksKeysContract {

  /** Keys are made once per JVM. */
  private static final class Keys {
    static final KeySets SETS = KeySets.generate("LITE_N2048", "LITE_N4096", 21);
    static final CkksSearchKeys MAIN = SETS.main();
    static final CkksParameters PARAMS = MAIN.parameters();
  }

  /** The precision the presets are chosen for (measured ~2.5e-5 at 10^6 items). */
  private static final double GOAL = 1e-4;

  LiteSearchTest() {
    super(() -> Keys.SETS);
  }

  @Override
  protected ScoreForm scoreForm() {
    return ScoreForm.DEGREE_TWO;
  }

  @Override
  protected double tolerance() {
    return GOAL;
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 64})
  void degreeTwoScoresMatchPlaintextOnComplexBlocksNotAMultipleOfTheBlock(int d) throws IOException {
    Outcome o = hersRoundTrip(2 * 2048 + 301, d, Mode.ENCRYPTED_DEGREE_TWO, LayoutKind.HERS_COMPLEX);
    assertEquals(0, o.operations().rescales());
    System.out.printf("LITE_N2048 degree-2 complex slots d=%d: largest score error %.3g%n", d, o.maxError());
  }

  @Test
  void degreeTwoScoresMatchPlaintextInThePapersLayout() throws IOException {
    hersRoundTrip(1024 + 5, 16, Mode.ENCRYPTED_DEGREE_TWO, LayoutKind.HERS_SIMD);
  }

  @Test
  void relinearizedScoresAndThePlaintextProbeModeAreRefusedWithTheReason() throws IOException {
    Path gallery = enroll(SyntheticRows.materialize(5, 4, 1), LayoutKind.HERS_COMPLEX, "g");
    Path probe = dir.resolve("p.hrec");
    new SearchClient(backends().client(), 1).encryptProbe(SyntheticRows.materialize(1, 4, 2)[0],
        LayoutKind.HERS_COMPLEX).write(probe, backends().client());
    EncryptedProbe onServer = EncryptedProbe.read(probe, backends().server());
    var relin = assertThrows(IllegalArgumentException.class, () -> new EncryptedSearchServer(backends().server(), 1)
        .search(gallery, onServer, ScoreForm.RELINEARIZED, dir.resolve("s.hrec"), ProgressListener.NONE));
    assertTrue(relin.getMessage().contains("degree-two"), relin.getMessage());
    var clear = assertThrows(IllegalArgumentException.class, () -> new PlaintextProbeSearchWeakerThreatModel(
        backends().server(), 1).search(gallery, new float[] {1, 0, 0, 0}, dir.resolve("s.hrec"),
            ProgressListener.NONE));
    assertTrue(clear.getMessage().contains("no prime to rescale by"), clear.getMessage());
    assertFalse(Files.exists(dir.resolve("s.hrec")), "nothing is written for a refused search");
    assertEquals(ScoreForm.DEGREE_TWO, ScoreForm.defaultFor(backends().server()));
  }

  @Test
  void keyFilesHoldNoRelinearisationKeyAndTheLoadedRolesSearch() throws IOException {
    Path keys = dir.resolve("keys");
    CkksKeyFiles.write(Keys.MAIN, keys);
    assertFalse(Files.exists(keys.resolve(CkksKeyFiles.RELINEARIZATION)));
    CkksServerBackend server = CkksKeyFiles.loadServer(org.hersj.fhe.search.testing.ServerKeyCopy.of(keys));
    assertFalse(server.canRelinearize());
    CkksClientBackend client = CkksKeyFiles.loadClient(keys, RandomSource.seededForTestsOnly(5)).withoutNoiseFlooding();
    float[][] rows = SyntheticRows.materialize(300, 16, 9);
    Path gallery = dir.resolve("gallery");
    new org.hersj.fhe.search.enroll.GalleryEnroller(client, 1, 4).enroll(
        org.hersj.fhe.search.enroll.RowSource.of(rows), LayoutKind.HERS_COMPLEX, gallery, ProgressListener.NONE);
    float[] probe = rows[17];
    Path probeFile = dir.resolve("probe.hrec");
    new SearchClient(client, 1).encryptProbe(probe, LayoutKind.HERS_COMPLEX).write(probeFile, client);
    Path scores = dir.resolve("scores.hrec");
    new EncryptedSearchServer(server, 2).search(gallery, EncryptedProbe.read(probeFile, server),
        ScoreForm.DEGREE_TWO, scores, ProgressListener.NONE);
    double[] actual = new SearchClient(client, 2).allScores(scores, ProgressListener.NONE);
    double[] expected = GeneratedGallery.plainScores(rows, probe);
    for (int i = 0; i < rows.length; i++) {
      assertEquals(expected[i], actual[i], GOAL, "item " + i);
    }
    assertEquals(17, GeneratedGallery.argmax(actual));
  }

  @Test
  void theKeyOwnersFloodingReachesDegreeTwoScoresAtItsStatedSize() throws IOException {
    CkksClientBackend exact = Keys.MAIN.client().withoutNoiseFlooding();
    int bits = 2;
    CkksClientBackend flooded = Keys.MAIN.client().withNoiseFlooding(bits);
    float[][] rows = SyntheticRows.materialize(2 * 2048, 16, 12);
    Path gallery = enroll(rows, LayoutKind.HERS_COMPLEX, "flooding");
    Path probeFile = dir.resolve("flooding-probe.hrec");
    new SearchClient(exact, 1).encryptProbe(rows[3], LayoutKind.HERS_COMPLEX).write(probeFile, exact);
    Path scores = dir.resolve("flooding-scores.hrec");
    new EncryptedSearchServer(Keys.MAIN.server(), 2).search(gallery, EncryptedProbe.read(probeFile, Keys.MAIN.server()),
        ScoreForm.DEGREE_TWO, scores, ProgressListener.NONE);
    double[] a = new SearchClient(exact, 1).allScores(scores, ProgressListener.NONE);
    double[] b = new SearchClient(flooded, 1).allScores(scores, ProgressListener.NONE);
    double sumSq = 0;
    for (int i = 0; i < a.length; i++) {
      sumSq += (b[i] - a[i]) * (b[i] - a[i]);
    }
    double measured = Math.sqrt(sumSq / a.length);
    double stated = Math.scalb(org.hersj.fhe.ckks.ScoreNoise.of(Keys.PARAMS).scoreStd(true), bits);
    // before the flooding followed the plaintext's scale it added ~1e-9 here: no protection at all
    assertEquals(stated, measured, 0.1 * stated, "flooding of 2^" + bits + " x the score noise on degree-two scores");
    assertTrue(flooded.noiseFlooding().contains("2^" + bits), flooded.noiseFlooding());
  }

  @Test
  void ownerGalleriesAreSeededAndPublicKeyGalleriesBitPacked() throws IOException {
    int d = 16;
    float[][] rows = SyntheticRows.materialize(2 * 2048, d, 4);
    Path owner = enroll(rows, LayoutKind.HERS_COMPLEX, "seeded");
    Path publicKey = dir.resolve("packed");
    new org.hersj.fhe.search.enroll.GalleryEnroller(Keys.MAIN.enroller(), 1, 4).enroll(
        org.hersj.fhe.search.enroll.RowSource.of(rows), LayoutKind.HERS_COMPLEX, publicKey, ProgressListener.NONE);
    int packed = 8 + 2 * 2048 * 54 / 8;
    int seeded = 8 + 32 + 2048 * 54 / 8;
    assertEquals(packed, CompactPayloads.packedCiphertextSize(Keys.PARAMS, 1, 0));
    assertEquals(seeded, CompactPayloads.seededCiphertextSize(Keys.PARAMS, 0));
    for (int[] pair : new int[][] {{0, seeded}, {1, packed}}) {
      Path file = GalleryStore.recordsFile(pair[0] == 0 ? owner : publicKey);
      long expected = RecordFileHeader.HEADER_BYTES
          + 2L * (RecordFileHeader.RECORD_PREFIX_BYTES + d * pair[1] + RecordFileHeader.RECORD_SUFFIX_BYTES);
      assertEquals(expected, Files.size(file));
    }
    assertTrue(Files.size(GalleryStore.recordsFile(owner)) / (2.0 * 2048) < 110, "108 B per 16-d item, seeded");
    // both decrypt to the plaintext scores
    float[] probe = rows[100];
    Path probeFile = dir.resolve("probe.hrec");
    new SearchClient(backends().client(), 1).encryptProbe(probe, LayoutKind.HERS_COMPLEX).write(probeFile,
        backends().client());
    double[] expected = GeneratedGallery.plainScores(rows, probe);
    for (Path gallery : new Path[] {owner, publicKey}) {
      Path scores = dir.resolve("scores-" + gallery.getFileName() + ".hrec");
      new EncryptedSearchServer(backends().server(), 2).search(gallery,
          EncryptedProbe.read(probeFile, backends().server()), ScoreForm.DEGREE_TWO, scores, ProgressListener.NONE);
      double[] actual = new SearchClient(backends().client(), 2).allScores(scores, ProgressListener.NONE);
      double tolerance = gallery == owner ? GOAL : 3e-3;
      for (int i = 0; i < rows.length; i++) {
        assertEquals(expected[i], actual[i], tolerance, gallery.getFileName() + " item " + i);
      }
      assertEquals(100, GeneratedGallery.argmax(actual));
    }
  }
}
