package org.hersj.fhe.search.twostage;

import java.util.List;
import org.hersj.fhe.search.benchmark.LinearExtrapolation;

/**
 * Rows of a two-stage run and the extrapolation to large galleries: single-stage searches are linear
 * in n (least-squares lines through the measured CPU seconds); stage 2 costs its measured CPU time per
 * touched record times the expected number of distinct records K random candidates touch.
 *
 * @param parameters description of the encryption parameters
 * @param rows one row per gallery size
 * @param fullFit CPU seconds of single-stage full-dimension search against n
 * @param reducedFit CPU seconds of single-stage reduced search (= stage 1) against n
 * @param stage2CpuPerRecord stage-2 CPU seconds per touched record (largest run, server sums)
 * @param stage2ClientSumsCpuPerRecord the same when the client sums the segments
 * @param fullBlockCpuSeconds CPU seconds of one full-dimension HERS block (largest run where measured)
 * @param packedItemsPerRecord items per packed record (slots / p)
 * @param slots items per HERS block
 */
public record TwoStageBenchmarkResult(String parameters, List<TwoStageBenchmarkRow> rows,
    LinearExtrapolation fullFit, LinearExtrapolation reducedFit, double stage2CpuPerRecord,
    double stage2ClientSumsCpuPerRecord,    double fullBlockCpuSeconds, int packedItemsPerRecord, int slots) {

  /** Copies the rows. */
  public TwoStageBenchmarkResult {
    rows = List.copyOf(rows);
  }

  /** Expected distinct groups of {@code groupSize} items hit by {@code k} distinct random items of {@code n}. */
  public static double expectedTouched(double n, double k, int groupSize) {
    double groups = Math.ceil(n / groupSize);
    if (k >= n) {
      return groups;
    }
    return Math.min(k, groups * -Math.expm1(k * Math.log1p(-1 / groups)));
  }

  /** Estimated CPU seconds of single-stage full-dimension search of {@code n} items. */
  public double fullCpuAt(double n) {
    return fullFit.secondsAt(n);
  }

  /** Estimated CPU seconds of two-stage search of {@code n} items keeping {@code k} candidates (server sums). */
  public double twoStageCpuAt(double n, int k) {
    return twoStageCpuAt(n, k, Stage2Form.SERVER_SUMS);
  }

  /** Estimated CPU seconds of two-stage search of {@code n} items keeping {@code k} candidates. */
  public double twoStageCpuAt(double n, int k, Stage2Form form) {
    double perRecord = form == Stage2Form.SERVER_SUMS ? stage2CpuPerRecord : stage2ClientSumsCpuPerRecord;
    return reducedFit.secondsAt(n) + perRecord * expectedTouched(n, k, packedItemsPerRecord);
  }

  /** Estimated stage-2 CPU seconds of the alternative: full-dimension HERS blocks restricted to touched blocks. */
  public double hersRestrictedStage2CpuAt(double n, int k) {
    return fullBlockCpuSeconds * expectedTouched(n, k, slots);
  }

  /** Estimated speed-up of two-stage over single-stage full-dimension search at {@code n}, {@code k}. */
  public double speedUpAt(double n, int k, Stage2Form form) {
    return fullCpuAt(n) / twoStageCpuAt(n, k, form);
  }
}
