package org.hersj.fhe.search.twostage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.RowSource;
import org.hersj.fhe.search.testing.ClearTestBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiment entry point end to end (SEARCH_N4096, secure keys) and the enrollment checks. */
class TwoStageInProcessTest {

  @TempDir
  Path dir;

  @Test
  void searchProbesFindsTheMatesAndAgreesWithFullDimensionTop1() throws IOException {
    TwoStageFixture data = new TwoStageFixture(300, 64, 8, 21);
    int[] mates = {0, 150, 299};
    float[][] full = new float[mates.length][];
    float[][] reduced = new float[mates.length][];
    for (int i = 0; i < mates.length; i++) {
      full[i] = data.probeNear(mates[i], 0.05, i);
      reduced[i] = TwoStageFixture.reduce(full[i], 8);
    }
    List<TwoStageResult> results = TwoStageInProcess.searchProbes(CkksPresets.byName("SEARCH_N4096"), data.reduced,
        data.full, reduced, full, 20, dir, 2, ProgressListener.NONE);
    assertEquals(3, results.size());
    for (int i = 0; i < mates.length; i++) {
      TwoStageResult r = results.get(i);
      assertTrue(r.stage1Contains(mates[i]), "stage 1 lost mate " + mates[i]);
      assertEquals(mates[i], r.top1());
      assertEquals(TwoStageFixture.dot(data.full[mates[i]], full[i]), r.ranking().get(0).score(), 1e-5);
    }
  }

  @Test
  void enrollmentRefusesSourcesOfDifferentLengthsAndVerifyChecksLayouts() throws IOException {
    ClearTestBackend backend = new ClearTestBackend(64, "p", "k");
    TwoStageFixture a = new TwoStageFixture(10, 24, 4, 1);
    TwoStageFixture b = new TwoStageFixture(11, 24, 4, 1);
    GalleryEnroller enroller = new GalleryEnroller(backend, 1, 4);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TwoStageGallery.enroll(enroller,
        RowSource.of(a.reduced), RowSource.of(b.full), dir.resolve("r"), dir.resolve("f"), ProgressListener.NONE));
    assertTrue(e.getMessage().contains("10 rows") && e.getMessage().contains("11"), e.getMessage());
    TwoStageGallery ok = TwoStageGallery.enroll(enroller, RowSource.of(a.reduced), RowSource.of(a.full),
        dir.resolve("r"), dir.resolve("f"), ProgressListener.NONE);
    ok.verify(backend);
    TwoStageGallery swapped = new TwoStageGallery(ok.fullDir(), ok.reducedDir());
    assertThrows(org.hersj.fhe.search.store.RecordFileException.class, () -> swapped.verify(backend));
  }
}
