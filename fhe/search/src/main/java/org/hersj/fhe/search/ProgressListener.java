package org.hersj.fhe.search;

/**
 * Receives progress of long work (enrollment, search, benchmarks) so a caller such as the CLI can
 * draw a progress bar; library code never prints. Implementations must be thread-safe: workers on
 * several threads report.
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores every report. */
  ProgressListener NONE = (stage, done, total) -> { };

  /**
   * Reports that {@code done} of {@code total} units of {@code stage} are finished.
   *
   * @param stage short name of the work, e.g. "enroll" or "search"
   * @param done units finished so far (monotone per stage, but reports may arrive out of order)
   * @param total units in the stage
   */
  void progress(String stage, long done, long total);
}
