package org.hersj.fhe.search.twostage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.benchmark.LinearExtrapolation;
import org.hersj.fhe.search.testing.ClearTestBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two-stage benchmark's bookkeeping on the clear test backend and its extrapolation arithmetic. */
class TwoStageBenchmarkTest {

  @TempDir
  Path dir;

  @Test
  void rowsCountTouchedRecordsAndFilesAreCleanedUp() throws IOException {
    ClearTestBackend backend = new ClearTestBackend(64, "p", "k"); // 24-d -> segments of 32, 2 items per record
    TwoStageBenchmarkConfig config = new TwoStageBenchmarkConfig(List.of(40L, 90L), 4, 24, 200, 10_000, 2, 40,
        dir, 3);
    TwoStageBenchmarkResult result = new TwoStageBenchmark(backend, backend).run(config, ProgressListener.NONE);
    assertEquals(2, result.rows().size());
    TwoStageBenchmarkRow small = result.rows().get(0);
    TwoStageBenchmarkRow large = result.rows().get(1);
    assertEquals(20, small.touchedRecords(), "K >= n touches every record");
    assertEquals(45, large.touchedRecords());
    assertTrue(!Double.isNaN(small.fullCpuSeconds()) && Double.isNaN(large.fullCpuSeconds()),
        "the full-dimension single stage runs only up to fullSingleStageUpTo");
    assertEquals(2, result.packedItemsPerRecord());
    assertEquals(45L * (backend.payloadBytes(1, 0) + 8), large.responseBytes());
    assertEquals(13, large.toCsv().split(",", -1).length);
    assertEquals(13, TwoStageBenchmarkRow.CSV_HEADER.split(",").length);
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count(), "benchmark left files behind");
    }
  }

  @Test
  void extrapolationAddsStage1LineAndStage2PerTouchedRecord() {
    TwoStageBenchmarkResult r = new TwoStageBenchmarkResult("x", List.of(),
        new LinearExtrapolation(0, 4.5e-5, 2), new LinearExtrapolation(0, 5e-6, 2), 0.02, 0.004, 0.05, 16, 4096);
    assertEquals(10_000, TwoStageBenchmarkResult.expectedTouched(1e8, 10_000, 16), 10);
    assertEquals(100, TwoStageBenchmarkResult.expectedTouched(1600, 10_000, 16), 1e-9);
    assertEquals(500 + 0.02 * 10_000, r.twoStageCpuAt(1e8, 10_000), 1);
    assertEquals(4500 / 700.0, r.speedUpAt(1e8, 10_000, Stage2Form.SERVER_SUMS), 1e-2);
    assertEquals(4500 / 540.0, r.speedUpAt(1e8, 10_000, Stage2Form.CLIENT_SUMS), 1e-2);
    assertThrows(IllegalArgumentException.class, () -> new TwoStageBenchmarkConfig(List.of(10L), 16, 16, 1, 1, 1,
        10, dir, 1));
  }
}
