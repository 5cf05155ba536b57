package org.hersj.experiments.bench;

import java.util.Locale;
import org.hersj.fhe.search.twostage.Stage2Form;
import org.hersj.experiments.bench.twostage.TwoStageBenchmarkResult;
import org.hersj.experiments.bench.twostage.TwoStageBenchmarkRow;

/**
 * Renders the two-stage rows of the complexity study: single-stage full-dimension search, single-stage
 * reduced search and two-stage search (reduced stage 1 keeping K candidates, full-dimension stage 2), in
 * CPU seconds measured and extrapolated, with the speed-up.
 */
public final class TwoStageSection {

    /** File name of the CSV. */
    public static final String CSV = "bench-two-stage.csv";

    private static final double[] TARGETS = {1e6, 1e7, 1e8};

    private TwoStageSection() {
    }

    /** CSV text of the measured rows. */
    public static String csv(TwoStageBenchmarkResult result) {
        StringBuilder csv = new StringBuilder(TwoStageBenchmarkRow.CSV_HEADER).append('\n');
        result.rows().forEach(r -> csv.append(r.toCsv()).append('\n'));
        return csv.toString();
    }

    /**
     * @param result   the two-stage benchmark result
     * @param reduced  stage-1 dimension
     * @param full     full dimension
     * @param targetK  K of the extrapolation
     * @return the Markdown subsection
     */
    public static String markdown(TwoStageBenchmarkResult result, int reduced, int full, int targetK) {
        int threads = result.rows().get(0).threads();
        StringBuilder md = new StringBuilder("### Two-stage search (").append(reduced).append("-d stage 1, ").append(full)
                .append("-d stage 2, K = ").append(String.format(Locale.ROOT, "%,d", targetK)).append(")\n\n");
        md.append("Process CPU seconds (all threads; divide by ").append(threads).append(" for dedicated cores),")
                .append(" measured:\n\n| items | single-stage ").append(full).append("-d | single-stage ").append(reduced)
                .append("-d | stage 1 | stage 2 | stage-2 candidates | stage-2 groups | stage-2 response MB |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (TwoStageBenchmarkRow r : result.rows()) {
            md.append(String.format(Locale.ROOT, "| %,d | %.2f | %.2f | %.2f | %.2f | %,d | %,d | %.1f |%n", r.items(),
                    r.fullCpuSeconds(), r.reducedCpuSeconds(), r.stage1CpuSeconds(), r.stage2CpuSeconds(),
                    r.candidates(), r.groups(), r.responseBytes() / 1e6));
        }
        int segments = result.packedItemsPerRecord();
        TwoStageBenchmarkRow largest = result.rows().get(result.rows().size() - 1);
        double bytesPerGroup = (double) largest.responseBytes() / largest.groups();
        md.append(String.format(Locale.ROOT, "%nStage 2: %.1f ms CPU per group of up to %d candidates (server sums)."
                + " Extrapolated (single stages: least-squares lines; stage 2: CPU per group x expected groups of K"
                + " random candidates; upper bound: CPU per candidate x K):%n%n", largest.stage2CpuPerGroup() * 1e3,
                segments));
        md.append("| items | single-stage ").append(full).append("-d CPU s | single-stage ").append(reduced)
                .append("-d CPU s | stage-2 groups | two-stage CPU s (upper bound) | speed-up vs ").append(full)
                .append("-d (lower bound) | stage-2 response MB |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        for (double n : TARGETS) {
            double groups = TwoStageBenchmarkResult.expectedGroups(n, targetK, segments);
            md.append(String.format(Locale.ROOT, "| %.0e | %.1f | %.1f | %,.0f | %.1f (%.1f) | %.1fx (%.1fx) | %,.0f |%n",
                    n, result.fullCpuAt(n), result.reducedFit().secondsAt(n), groups, result.twoStageCpuAt(n, targetK),
                    result.twoStageCpuUpperBoundAt(n, targetK), result.speedUpAt(n, targetK, Stage2Form.SERVER_SUMS),
                    result.fullCpuAt(n) / result.twoStageCpuUpperBoundAt(n, targetK),
                    groups * bytesPerGroup / 1e6));
        }
        return md.toString();
    }
}
