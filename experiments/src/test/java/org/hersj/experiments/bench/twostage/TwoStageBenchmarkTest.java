package org.hersj.experiments.bench.twostage;

import org.hersj.fhe.search.twostage.Stage2Form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.experiments.bench.search.LinearExtrapolation;
import org.hersj.fhe.search.twostage.CandidateGroups;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.testing.ClearTestBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two-stage benchmark's bookkeeping on the clear test backend and its extrapolation arithmetic. */
class TwoStageBenchmarkTest {

  @TempDir
  Path dir;

  @Test
  void rowsCountGroupsAndFilesAreCleanedUp() throws IOException {
    ClearTestBackend backend = new ClearTestBackend(64, "p", "k"); // 24-d -> segments of 32, 2 items per record
    TwoStageBenchmarkConfig config = new TwoStageBenchmarkConfig(List.of(40L, 90L), 4, 24, 200, 10_000, 2, 40,
        dir, 3);
    TwoStageBenchmarkResult result = new TwoStageBenchmark(backend, backend).run(config, ProgressListener.NONE);
    assertEquals(2, result.rows().size());
    TwoStageBenchmarkRow small = result.rows().get(0);
    TwoStageBenchmarkRow large = result.rows().get(1);
    assertEquals(20, small.groups(), "K >= n: every segment holds one item per record");
    assertEquals(45, large.groups());
    assertEquals(90, large.candidates());
    assertTrue(!Double.isNaN(small.fullCpuSeconds()) && Double.isNaN(large.fullCpuSeconds()),
        "the full-dimension single stage runs only up to fullSingleStageUpTo");
    assertEquals(2, result.packedItemsPerRecord());
    assertEquals(45L * (backend.payloadBytes(1, 0) + 4) + 90 * 8, large.responseBytes());
    assertEquals(14, large.toCsv().split(",", -1).length);
    assertEquals(14, TwoStageBenchmarkRow.CSV_HEADER.split(",").length);
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count(), "benchmark left files behind");
    }
  }

  @Test
  void extrapolationAddsStage1LineAndStage2PerGroup() {
    TwoStageBenchmarkRow measured = new TwoStageBenchmarkRow(1_000_000, 2, 45, 5, 5, 4, 1_000, 80, 0.05, 0.01,
        0.05, 1, 1, 1);
    TwoStageBenchmarkResult r = new TwoStageBenchmarkResult("x", List.of(measured),
        new LinearExtrapolation(0, 4.5e-5, 2), new LinearExtrapolation(0, 5e-6, 2), 0.05, 0.01, 0.05, 16, 4096);
    double groups = TwoStageBenchmarkResult.expectedGroups(1e8, 10_000, 16);
    assertTrue(groups > 625 && groups < 700, "expected groups " + groups);
    assertEquals(100, TwoStageBenchmarkResult.expectedGroups(1600, 10_000, 16), 1e-9, "K >= n: every record");
    assertEquals(1, TwoStageBenchmarkResult.expectedGroups(1e8, 1, 16), 1e-9);
    assertEquals(500 + 0.05 * groups, r.twoStageCpuAt(1e8, 10_000), 1e-6);
    assertEquals(500 + 0.05 * 80 / 1_000 * 10_000, r.twoStageCpuUpperBoundAt(1e8, 10_000), 1e-6);
    assertEquals(4500 / (500 + 0.05 * groups), r.speedUpAt(1e8, 10_000, Stage2Form.SERVER_SUMS), 1e-6);
    assertEquals(4500 / (500 + 0.01 * groups), r.speedUpAt(1e8, 10_000, Stage2Form.CLIENT_SUMS_REVEALS_PRODUCTS), 1e-6);
    assertEquals(8206, TwoStageBenchmarkResult.expectedTouched(1e8, 10_000, 4096), 3);
    assertEquals(0.05 * TwoStageBenchmarkResult.expectedTouched(1e8, 10_000, 4096), r.hersRestrictedStage2CpuAt(1e8,
        10_000), 1e-9, "HERS blocks of the gallery that was timed (N/2 items)");
    TwoStageBenchmarkResult complex = new TwoStageBenchmarkResult("x", List.of(measured),
        new LinearExtrapolation(0, 4.5e-5, 2), new LinearExtrapolation(0, 5e-6, 2), 0.05, 0.01, 0.05, 16, 8192);
    assertEquals(0.05 * TwoStageBenchmarkResult.expectedTouched(1e8, 10_000, 8192),
        complex.hersRestrictedStage2CpuAt(1e8, 10_000), 1e-9, "complex slots: blocks of N items");
    assertThrows(IllegalArgumentException.class, () -> new TwoStageBenchmarkConfig(List.of(10L), 16, 16, 1, 1, 1,
        10, dir, 1));
  }

  @Test
  void expectedGroupsMatchesTheGreedyGroupingOfRandomCandidates() {
    GalleryLayout layout = new GalleryLayout(LayoutKind.PACKED_ITEMS, 10_000_000, 192, 4096); // 16 segments
    SplittableRandom rnd = new SplittableRandom(5);
    double sum = 0;
    int trials = 20;
    for (int t = 0; t < trials; t++) {
      sum += CandidateGroups.greedy(rnd.longs(10_000, 0, 10_000_000).toArray(), layout).groupCount();
    }
    double expected = TwoStageBenchmarkResult.expectedGroups(1e7, 10_000, 16);
    assertEquals(expected, sum / trials, expected * 0.02, "mean greedy groups vs model");
  }
}
