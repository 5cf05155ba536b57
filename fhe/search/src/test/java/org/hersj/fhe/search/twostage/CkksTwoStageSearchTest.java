package org.hersj.fhe.search.twostage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.ckks.CkksSearchKeys;
import org.hersj.fhe.search.client.Match;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.RowSource;
import org.hersj.fhe.search.store.GalleryStore;
import org.hersj.fhe.search.store.RecordFileException;
import org.hersj.fhe.search.store.RecordFileHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-stage search on the CKKS engine (SEARCH_N8192, 4096 slots): 100 items of 192-d (segments of 256
 * slots, 16 items per record, 7 records, the last holding 4) and their 16-d reductions. Stage-2 scores
 * must equal the plaintext 192-d inner products within {@value #BOUND}.
 */
class CkksTwoStageSearchTest {

  private static final double BOUND = 1e-5;
  private static final int N = 100;
  private static final int FULL = 192;
  private static final int REDUCED = 16;

  private static final CkksParameters PARAMS = CkksPresets.byName("SEARCH_N8192");
  private static final CkksSearchKeys KEYS = CkksSearchKeys.generate(PARAMS, RandomSource.seededForTestsOnly(11),
      TwoStageSearch.rotationSteps(FULL));
  private static final TwoStageFixture DATA = new TwoStageFixture(N, FULL, REDUCED, 5);

  @TempDir
  static Path dir;
  private static TwoStageGallery gallery;

  @BeforeAll
  static void enroll() throws IOException {
    gallery = TwoStageGallery.enroll(new GalleryEnroller(KEYS.enroller(), 2, 8), RowSource.of(DATA.reduced),
        RowSource.of(DATA.full), dir.resolve("reduced"), dir.resolve("full"), ProgressListener.NONE);
    gallery.verify(KEYS.server());
  }

  @Test
  void stage2ScoresEqualPlaintextFullDimensionInnerProducts() throws IOException {
    float[] probe = DATA.probeNear(37, 0.05, 1);
    long[] candidates = {99, 0, 37, 15, 16, 98, 37, 64, 0}; // several records, last (partial) record, duplicates
    TwoStageClient client = new TwoStageClient(KEYS.client().withoutNoiseFlooding());
    Stage2Response response = new Stage2Server(KEYS.server(), 2).score(gallery.fullDir(),
        client.encryptMaskedProbes(probe), candidates, ProgressListener.NONE);
    // segments (item mod 16): 0, 15, 0, 5, 0, 2, 3 for items 0, 15, 16, 37, 64, 98, 99: three items share segment 0
    assertEquals(3, response.groups().groupCount());
    assertArrayEquals(new long[] {0, 15, 37, 98, 99}, response.groups().members(0));
    assertArrayEquals(new long[] {16}, response.groups().members(1));
    assertArrayEquals(new long[] {64}, response.groups().members(2));
    assertEquals(3 * 8, response.operations().rotations());
    assertEquals(7, response.operations().multiplications());
    assertEquals(3, response.operations().relinearizations());
    assertEquals(3L * (KEYS.server().payloadBytes(1, 0) + 4) + 7 * 8, response.responseBytes());
    List<Match> scores = client.scores(response, candidates);
    assertEquals(7, scores.size());
    double worst = 0;
    for (Match m : scores) {
      worst = Math.max(worst, Math.abs(m.score() - TwoStageFixture.dot(DATA.full[(int) m.item()], probe)));
    }
    assertTrue(worst < BOUND, "largest stage-2 error " + worst);
    assertEquals(37, scores.get(0).item());
    System.out.printf("two-stage CKKS N=8192 d=192: largest stage-2 score error %.3g%n", worst);
  }

  @Test
  void clientSummedFormGivesTheSameScoresWithoutRotations() throws IOException {
    float[] probe = DATA.probeNear(80, 0.05, 2);
    long[] candidates = {80, 81, 3, 99};
    TwoStageClient client = new TwoStageClient(KEYS.client().withoutNoiseFlooding());
    CkksSearchKeys noRotations = CkksSearchKeys.generate(PARAMS, RandomSource.seededForTestsOnly(11));
    assertEquals(KEYS.server().keyFingerprint(), noRotations.server().keyFingerprint());
    Stage2Response response = new Stage2Server(noRotations.server(), 2).score(gallery.fullDir(),
        client.encryptMaskedProbes(probe), candidates, Stage2Form.CLIENT_SUMS_REVEALS_PRODUCTS, ProgressListener.NONE);
    assertEquals(0, response.operations().rotations());
    for (Match m : client.scores(response, candidates)) {
      double expected = TwoStageFixture.dot(DATA.full[(int) m.item()], probe);
      assertEquals(expected, m.score(), BOUND, "item " + m.item());
    }
  }

  @Test
  void twoStageTop1EqualsFullDimensionTop1WhenTheMateSurvivesStage1() throws IOException {
    TwoStageSearch search = new TwoStageSearch(KEYS.client().withoutNoiseFlooding(), KEYS.server(), 2);
    int survived = 0;
    for (int mate = 3; mate < N; mate += 19) {
      float[] probe = DATA.probeNear(mate, 0.06, mate);
      TwoStageResult r = search.search(gallery, TwoStageFixture.reduce(probe, REDUCED), probe, 10,
          dir.resolve("work"), ProgressListener.NONE);
      assertEquals(10, r.stage1().size());
      assertTrue(r.groups() <= 10 && r.groups() >= 1);
      int plainTop1 = 0;
      for (int i = 1; i < N; i++) {
        if (TwoStageFixture.dot(DATA.full[i], probe) > TwoStageFixture.dot(DATA.full[plainTop1], probe)) {
          plainTop1 = i;
        }
      }
      if (r.stage1Contains(mate)) {
        survived++;
        assertEquals(plainTop1, r.top1(), "mate " + mate);
        assertEquals(1, r.finalRankOf(mate));
      }
    }
    assertTrue(survived >= 4, "stage 1 kept the mate for only " + survived + " of 5 probes");
  }

  @Test
  void kLargerThanTheGalleryScoresEveryItem() throws IOException {
    float[] probe = DATA.probeNear(99, 0.05, 3);
    TwoStageResult r = new TwoStageSearch(KEYS.client().withoutNoiseFlooding(), KEYS.server(), 2).search(gallery,
        TwoStageFixture.reduce(probe, REDUCED), probe, 1000, dir.resolve("work-all"), ProgressListener.NONE);
    assertEquals(N, r.ranking().size());
    assertEquals(7, r.groups(), "segments 0..3 hold 7 of the 100 items, the others 6");
    assertEquals(99, r.top1());
  }

  @Test
  void badRequestsAreRefusedClearly() throws IOException {
    Stage2Server server = new Stage2Server(KEYS.server(), 1);
    var probe = new TwoStageClient(KEYS.client().withoutNoiseFlooding()).encryptMaskedProbes(DATA.full[0]);
    IllegalArgumentException out = assertThrows(IllegalArgumentException.class,
        () -> server.score(gallery.fullDir(), probe, new long[] {3, 100}, ProgressListener.NONE));
    assertTrue(out.getMessage().contains("candidate index 100") && out.getMessage().contains("0..99"));
    assertThrows(IllegalArgumentException.class,
        () -> server.score(gallery.fullDir(), probe, new long[] {-1}, ProgressListener.NONE));
    RecordFileException wrongLayout = assertThrows(RecordFileException.class,
        () -> server.score(gallery.reducedDir(), probe, new long[] {1}, ProgressListener.NONE));
    assertTrue(wrongLayout.getMessage().contains("PACKED_ITEMS"), wrongLayout.getMessage());
    var shortProbe = new TwoStageClient(KEYS.client().withoutNoiseFlooding()).encryptMaskedProbes(new float[128]);
    RecordFileException wrongDim = assertThrows(RecordFileException.class,
        () -> server.score(gallery.fullDir(), shortProbe, new long[] {1}, ProgressListener.NONE));
    assertTrue(wrongDim.getMessage().contains("dimension 192"), wrongDim.getMessage());
    CkksSearchKeys noRotations = CkksSearchKeys.generate(PARAMS, RandomSource.seededForTestsOnly(11));
    assertThrows(IllegalStateException.class, () -> new Stage2Server(noRotations.server(), 1)
        .score(gallery.fullDir(), probe, new long[] {1}, ProgressListener.NONE));
  }

  @Test
  void otherKeysAndOtherParametersAreRefused() {
    var probe = new TwoStageClient(KEYS.client().withoutNoiseFlooding()).encryptMaskedProbes(DATA.full[0]);
    CkksSearchKeys other = CkksSearchKeys.generate(PARAMS, RandomSource.seededForTestsOnly(12));
    RecordFileException key = assertThrows(RecordFileException.class, () -> new Stage2Server(other.server(), 1)
        .score(gallery.fullDir(), probe, new long[] {1}, ProgressListener.NONE));
    assertTrue(key.getMessage().contains("another key"), key.getMessage());
    CkksSearchKeys small = CkksSearchKeys.generate(CkksPresets.byName("SEARCH_N4096"),
        RandomSource.seededForTestsOnly(13));
    RecordFileException params = assertThrows(RecordFileException.class, () -> new Stage2Server(small.server(), 1)
        .score(gallery.fullDir(), probe, new long[] {1}, ProgressListener.NONE));
    assertTrue(params.getMessage().contains("other encryption parameters"), params.getMessage());
  }

  @Test
  void aTamperedRecordIsRefusedWhenTouched(@TempDir Path own) throws IOException {
    TwoStageGallery copy = TwoStageGallery.enroll(new GalleryEnroller(KEYS.enroller(), 1, 8),
        RowSource.of(DATA.reduced), RowSource.of(DATA.full), own.resolve("r"), own.resolve("f"),
        ProgressListener.NONE);
    Path file = GalleryStore.recordsFile(copy.fullDir());
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      RecordFileHeader h = new RecordFileHeader(org.hersj.fhe.search.store.FileKind.GALLERY, "x", "x", "x", "x",
          new org.hersj.fhe.search.layout.GalleryLayout(org.hersj.fhe.search.layout.LayoutKind.PACKED_ITEMS,
              N, FULL, PARAMS.slots()), 7, 1, 1, 1, KEYS.server().payloadBytes(1, 1));
      long at = h.recordOffset(3) + 100;
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, at);
      b.put(0, (byte) (b.get(0) ^ 1)).rewind();
      ch.write(b, at);
    }
    Stage2Server server = new Stage2Server(KEYS.server(), 1);
    var probe = new TwoStageClient(KEYS.client().withoutNoiseFlooding()).encryptMaskedProbes(DATA.full[0]);
    assertEquals(2, server.score(copy.fullDir(), probe, new long[] {5, 40}, ProgressListener.NONE)
        .groups().candidateCount(), "records other than the tampered one are still usable");
    RecordFileException e = assertThrows(RecordFileException.class,
        () -> server.score(copy.fullDir(), probe, new long[] {5, 50}, ProgressListener.NONE));
    assertTrue(e.getMessage().contains("record 3") && e.getMessage().contains("CRC32C"), e.getMessage());
  }
}
