package org.hersj.fhe.search.benchmark;

import java.util.List;

/**
 * Rows of a scaling run, the time of one block, and the linear extrapolation of end-to-end time.
 *
 * @param parameters description of the encryption parameters
 * @param rows one row per gallery size
 * @param blockSeconds scoring time of one record (block) on one thread, read and verify included
 * @param extrapolation least-squares fit of end-to-end seconds against items
 */
public record SearchBenchmarkResult(String parameters, List<SearchBenchmarkRow> rows, double blockSeconds,
    LinearExtrapolation extrapolation) {

  /** Extrapolated end-to-end seconds for 10^8 items. */
  public double secondsAt100Million() {
    return extrapolation.secondsAt(1e8);
  }
}
