package org.hersj.experiments.bench;

import java.util.Locale;
import org.hersj.fhe.search.layout.OperationCounts;

/**
 * One measured search of the layout complexity study.
 *
 * @param layout          layout label ({@code boddeti2018} or {@code hers})
 * @param dimension       feature dimension
 * @param items           gallery items
 * @param counted         operations counted by the search layer during the search
 * @param predicted       operations the layout's formula predicts for this gallery
 * @param searchSeconds   server scoring wall time (gallery streamed from disk)
 * @param cpuSeconds      process CPU time of the end-to-end search (all threads)
 * @param totalSeconds    end-to-end wall time (probe encryption to top-k)
 * @param maxAbsError     largest score error against plaintext
 * @param threads         threads of the search
 * @param recordSeconds   mean scoring time of one record (HERS block, or one prior-layout item) on one thread
 */
public record ComplexityRow(String layout, int dimension, long items, OperationCounts counted,
        OperationCounts predicted, double searchSeconds, double cpuSeconds, double totalSeconds, double maxAbsError,
        int threads, double recordSeconds) {

    /** CSV header matching {@link #toCsv()}. */
    public static final String CSV_HEADER = "layout,dimension,items,ciphertexts,multiplications,relinearizations,"
            + "rescales,rotations,formula_matches_count,search_s,cpu_s,total_s,search_s_per_item,max_abs_error,threads,"
            + "record_score_ms";

    /** Whether the counted operations equal the formula's. */
    public boolean formulaMatches() {
        return counted.equals(predicted);
    }

    /** Server scoring seconds per gallery item. */
    public double secondsPerItem() {
        return searchSeconds / items;
    }

    /** One CSV line. */
    public String toCsv() {
        return String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%d,%d,%b,%.6g,%.6g,%.6g,%.6g,%.3g,%d,%.6g",
                layout, dimension, items,
                counted.ciphertexts(), counted.multiplications(), counted.relinearizations(), counted.rescales(),
                counted.rotations(), formulaMatches(), searchSeconds, cpuSeconds, totalSeconds, secondsPerItem(),
                maxAbsError, threads, recordSeconds * 1e3);
    }
}
