package org.hersj.experiments.bench.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.engine.SearchEngines;
import org.hersj.fhe.search.engine.SearchKeySet;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.layout.OperationCounts;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.store.ReadMode;
import org.hersj.fhe.search.testing.ClearTestBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's bookkeeping on the clear test backend (no timing is asserted). */
class SearchBenchmarkTest {

  @TempDir
  Path dir;

  @Test
  void rowsCarrySizesCountsAndExactScoresAndCleanUp() throws IOException {
    ClearTestBackend backend = new ClearTestBackend(8, "p", "k");
    SearchBenchmarkConfig config = new SearchBenchmarkConfig(List.of(5L, 21L, 40L), 4, 2, LayoutKind.HERS_SIMD,
        ScoreForm.RELINEARIZED, false, 3, 2, dir, 7, 1000, ReadMode.CACHED);
    SearchBenchmarkResult result = new SearchBenchmark(backend, backend).run(config, ProgressListener.NONE);
    assertEquals(3, result.rows().size());
    SearchBenchmarkRow row = result.rows().get(1);
    assertEquals(21, row.items());
    assertEquals(3, row.records());
    assertEquals(OperationCounts.predicted(new GalleryLayout(LayoutKind.HERS_SIMD, 21, 4, 8)), row.operations());
    assertTrue(row.maxAbsError() < 1e-6, "clear backend scores differ by " + row.maxAbsError());
    assertTrue(row.totalSeconds() > 0 && row.plaintextSeconds() > 0 && result.blockSeconds() > 0);
    assertEquals(25, row.toCsv().split(",").length);
    assertEquals(row.galleryBytes() / 21.0, row.bytesPerItem(), 1e-12);
    assertTrue(row.scoresBytes() > 0);
    assertEquals(25, SearchBenchmarkRow.CSV_HEADER.split(",").length);
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count(), "benchmark left files behind");
    }
  }

  @Test
  void directReadsScoreTheSameAndSaySo() throws IOException {
    ClearTestBackend backend = new ClearTestBackend(8, "p", "k");
    // under the build directory: the temporary directory may be a tmpfs, which had no direct I/O before Linux 6.6
    Files.createDirectories(Path.of("target"));
    Path work = Files.createTempDirectory(Path.of("target"), "bench-direct");
    SearchBenchmarkConfig config = new SearchBenchmarkConfig(List.of(21L), 4, 2, LayoutKind.HERS_SIMD,
        ScoreForm.RELINEARIZED, false, 3, 1, work, 7, 1000, ReadMode.DIRECT);
    SearchBenchmarkRow row = new SearchBenchmark(backend, backend).run(config, ProgressListener.NONE).rows().get(0);
    assertTrue(row.maxAbsError() < 1e-6, "clear backend scores read directly differ by " + row.maxAbsError());
    assertEquals("hers-encrypted-direct-io", row.mode());
    Files.deleteIfExists(work);
  }

  @Test
  void publicKeyGalleriesAreLabelledPackedAndWithinTheirPresetsBound() throws IOException {
    // LITE_N4096: its special prime lets public-key encryption run over QP, so exact scores meet 1e-4
    SearchKeySet keys = SearchEngines.byName("java").generateKeys(CkksPresets.byName("LITE_N4096").literal(),
        RandomSource.seededForTestsOnly(41));
    var exact = keys.client().withoutNoiseFlooding();
    long items = 2 * 4096;
    SearchBenchmarkConfig config = new SearchBenchmarkConfig(List.of(items), 16, 2, LayoutKind.HERS_COMPLEX,
        ScoreForm.DEGREE_TWO, false, 3, 1, dir, 9, items, ReadMode.CACHED);
    SearchBenchmark publicKey = new SearchBenchmark(exact, keys.server(), keys.enroller());
    SearchBenchmarkRow pk = publicKey.run(config, ProgressListener.NONE).rows().get(0);
    SearchBenchmarkRow owner = new SearchBenchmark(exact, keys.server()).run(config, ProgressListener.NONE).rows().get(0);
    assertTrue(publicKey.publicKeyGalleries());
    assertEquals("hers-complex-encrypted-degree2-public-key-gallery", pk.mode());
    assertEquals("hers-complex-encrypted-degree2", owner.mode());
    // packed: 2 polynomials x 4096 residues of 59 bits per 4096 items and dimension, so 236 B per 16-d item
    assertEquals((8 + 2 * 4096 * 59 / 8) * 16 / 4096.0, pk.bytesPerItem(), 1.0);
    assertEquals((8 + 32 + 4096 * 59 / 8) * 16 / 4096.0, owner.bytesPerItem(), 1.0); // seeded: c_0 and a seed
    double bound = CkksPresets.scoreError("LITE_N4096", true, -1);
    assertTrue(pk.maxAbsError() <= bound && bound <= 1e-4, pk.maxAbsError() + " within " + bound);
    assertTrue(pk.maxAbsError() > owner.maxAbsError(), "the public key's noise is the larger");
  }

  @Test
  void linearFitRecoversALineAndExtrapolates() {
    LinearExtrapolation fit = LinearExtrapolation.fit(List.of(10L, 100L, 1000L), List.of(1.5, 6.0, 51.0));
    assertEquals(1.0, fit.intercept(), 1e-9);
    assertEquals(0.05, fit.secondsPerItem(), 1e-12);
    assertEquals(1.0 + 0.05 * 1e8, fit.secondsAt(1e8), 1e-3);
  }
}
