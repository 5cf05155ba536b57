package org.hersj.experiments.bench.twostage;

import org.hersj.fhe.search.twostage.Stage2Form;
/**
 * Measurements for one gallery size. CPU seconds are process CPU time summed over threads (robust
 * when other jobs share the cores; divide by the thread count for the wall time on dedicated cores).
 *
 * @param items gallery items
 * @param threads threads used
 * @param fullCpuSeconds single-stage full-dimension search (probe, scan, decrypt, top K); NaN if not run
 * @param reducedCpuSeconds single-stage reduced-dimension search
 * @param stage1CpuSeconds stage 1 of the two-stage search (the reduced search with top K)
 * @param stage2CpuSeconds stage 2 (masked probes, scoring of the candidate groups, decryption, ranking)
 * @param candidates candidates re-scored by stage 2
 * @param groups candidate groups scored by stage 2 (one score ciphertext each)
 * @param stage2CpuPerGroup stage-2 CPU seconds per group ({@link Stage2Form#SERVER_SUMS})
 * @param stage2ClientSumsCpuPerGroup the same with {@link Stage2Form#CLIENT_SUMS_REVEALS_PRODUCTS}
 * @param fullBlockCpuSeconds CPU seconds to score one full-dimension HERS block (server threads), NaN if
 *     not run: the cost per touched block of the "HERS blocks restricted to touched blocks" alternative
 * @param twoStageWallSeconds wall-clock seconds of both stages
 * @param packedGalleryBytes size of the packed full-dimension gallery on disk
 * @param responseBytes size of the stage-2 response
 */
public record TwoStageBenchmarkRow(long items, int threads, double fullCpuSeconds, double reducedCpuSeconds,
    double stage1CpuSeconds, double stage2CpuSeconds, int candidates, int groups, double stage2CpuPerGroup,
    double stage2ClientSumsCpuPerGroup, double fullBlockCpuSeconds, double twoStageWallSeconds, long packedGalleryBytes, long responseBytes) {

  /** Header of {@link #toCsv()}. */
  public static final String CSV_HEADER = "items,threads,full_cpu_s,reduced_cpu_s,stage1_cpu_s,stage2_cpu_s,"
      + "candidates,groups,stage2_cpu_s_per_group,stage2_client_sums_cpu_s_per_group,full_block_cpu_s,two_stage_wall_s,packed_gallery_bytes,"
      + "response_bytes";

  /** One CSV line. */
  public String toCsv() {
    return String.join(",", Long.toString(items), Integer.toString(threads), num(fullCpuSeconds),
        num(reducedCpuSeconds), num(stage1CpuSeconds), num(stage2CpuSeconds), Integer.toString(candidates),
        Integer.toString(groups), num(stage2CpuPerGroup), num(stage2ClientSumsCpuPerGroup), num(fullBlockCpuSeconds), num(twoStageWallSeconds),
        Long.toString(packedGalleryBytes), Long.toString(responseBytes));
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.6g", v);
  }
}
