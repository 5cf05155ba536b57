package org.hersj.experiments.bench.twostage;

import org.hersj.fhe.search.twostage.Stage2Form;
import java.util.List;
import org.hersj.experiments.bench.search.LinearExtrapolation;

/**
 * Rows of a two-stage run and the extrapolation to large galleries: single-stage searches are linear
 * in n (least-squares lines through the measured CPU seconds); stage 2 costs its measured CPU time per
 * candidate group (largest run) times the expected number of groups K random candidates form
 * ({@link #expectedGroups}). Groups at the measured K are less full than at a larger target K, so
 * this per-group model slightly underestimates stage 2 there, while CPU per candidate x K
 * ({@link #twoStageCpuUpperBoundAt}) overestimates it; both are reported.
 *
 * @param parameters description of the encryption parameters
 * @param rows one row per gallery size
 * @param fullFit CPU seconds of single-stage full-dimension search against n
 * @param reducedFit CPU seconds of single-stage reduced search (= stage 1) against n
 * @param stage2CpuPerGroup stage-2 CPU seconds per candidate group (largest run, server sums)
 * @param stage2ClientSumsCpuPerGroup the same when the client sums the segments
 * @param fullBlockCpuSeconds CPU seconds of one full-dimension HERS block (largest run where measured)
 * @param packedItemsPerRecord items per packed record = segments S (slots / p)
 * @param hersItemsPerRecord items per block of the full-dimension HERS gallery the single-stage search
 *     was timed on (N/2, or N with complex slots)
 */
public record TwoStageBenchmarkResult(String parameters, List<TwoStageBenchmarkRow> rows,
    LinearExtrapolation fullFit, LinearExtrapolation reducedFit, double stage2CpuPerGroup,
    double stage2ClientSumsCpuPerGroup, double fullBlockCpuSeconds, int packedItemsPerRecord,
    int hersItemsPerRecord) {

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

  /**
   * Expected number of stage-2 groups for {@code k} distinct random candidates of {@code n} packed items
   * with {@code segments} segments per record: the greedy grouping makes as many groups as the largest
   * number of candidates sharing a segment. Approximates the segment counts by independent
   * Binomial(k, 1/segments) variables (E[max] = sum over m of 1 - P(count <= m)^segments), capped at the
   * number of records; all records when k >= n.
   */
  public static double expectedGroups(double n, int k, int segments) {
    double records = Math.ceil(n / segments);
    if (k >= n) {
      return records;
    }
    double q = 1.0 / segments;
    double logPmf = k * Math.log1p(-q); // P(count = 0)
    double cdf = 0;
    double expected = 0;
    for (int m = 0; m < k; m++) {
      cdf = Math.min(1, cdf + Math.exp(logPmf));
      expected += 1 - Math.pow(cdf, segments);
      logPmf += Math.log((double) (k - m) / (m + 1)) + Math.log(q) - Math.log1p(-q);
      if (cdf >= 1 - 1e-15 && m > k * q) {
        break;
      }
    }
    return Math.min(records, Math.max(expected, Math.ceil((double) k / segments)));
  }

  /** Estimated CPU seconds of single-stage full-dimension search of {@code n} items. */
  public double fullCpuAt(double n) {
    return fullFit.secondsAt(n);
  }

  /** Estimated CPU seconds of two-stage search of {@code n} items keeping {@code k} candidates (server sums). */
  public double twoStageCpuAt(double n, int k) {
    return twoStageCpuAt(n, k, Stage2Form.SERVER_SUMS);
  }

  /** Estimated CPU seconds of two-stage search: stage-1 line + CPU per group x expected groups. */
  public double twoStageCpuAt(double n, int k, Stage2Form form) {
    double perGroup = form == Stage2Form.SERVER_SUMS ? stage2CpuPerGroup : stage2ClientSumsCpuPerGroup;
    return reducedFit.secondsAt(n) + perGroup * expectedGroups(n, k, packedItemsPerRecord);
  }

  /**
   * Upper bound of {@link #twoStageCpuAt(double, int)}: stage-1 line + the largest run's stage-2 CPU per
   * candidate x K (its groups are less full than at a larger K, so it over-counts the per-group work).
   */
  public double twoStageCpuUpperBoundAt(double n, int k) {
    TwoStageBenchmarkRow largest = rows.get(rows.size() - 1);
    double perCandidate = largest.stage2CpuPerGroup() * largest.groups() / largest.candidates();
    return reducedFit.secondsAt(n) + perCandidate * Math.min(k, n);
  }

  /** Estimated stage-2 CPU seconds of the alternative: full-dimension HERS blocks restricted to touched blocks. */
  public double hersRestrictedStage2CpuAt(double n, int k) {
    return fullBlockCpuSeconds * expectedTouched(n, k, hersItemsPerRecord);
  }

  /** Estimated speed-up of two-stage over single-stage full-dimension search at {@code n}, {@code k}. */
  public double speedUpAt(double n, int k, Stage2Form form) {
    return fullCpuAt(n) / twoStageCpuAt(n, k, form);
  }
}
