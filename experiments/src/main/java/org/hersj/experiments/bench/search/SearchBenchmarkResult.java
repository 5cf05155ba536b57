package org.hersj.experiments.bench.search;

import java.util.List;

/**
 * Rows of a scaling run, the time of one block, and the linear extrapolation of end-to-end time.
 *
 * @param parameters description of the encryption parameters
 * @param rows one row per gallery size
 * @param blockSeconds mean scoring time of one record (block) on one thread in the largest run
 * @param extrapolation least-squares fit of end-to-end seconds against items
 */
public record SearchBenchmarkResult(String parameters, List<SearchBenchmarkRow> rows, double blockSeconds,
    LinearExtrapolation extrapolation) {

  /** Extrapolated end-to-end seconds for 10^8 items from the least-squares line. */
  public double secondsAt100Million() {
    return extrapolation.secondsAt(1e8);
  }

  /**
   * CPU-bound estimate for 10^8 items: the largest run's process CPU seconds divided by its threads,
   * scaled proportionally (what dedicated cores would take if the search stays CPU-bound).
   */
  public double cpuBoundSecondsAt100Million() {
    SearchBenchmarkRow largest = rows.get(rows.size() - 1);
    return largest.cpuSeconds() / largest.threads() * 1e8 / largest.items();
  }

  /** End-to-end seconds for 10^8 items scaled proportionally from the largest run alone. */
  public double secondsAt100MillionFromLargest() {
    SearchBenchmarkRow largest = rows.get(rows.size() - 1);
    return largest.totalSeconds() * 1e8 / largest.items();
  }
}
