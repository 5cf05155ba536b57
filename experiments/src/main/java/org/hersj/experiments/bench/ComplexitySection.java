package org.hersj.experiments.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hersj.experiments.report.TimeVersusSizePlot;
import org.hersj.experiments.report.TimeVersusSizePlot.Curve;
import org.hersj.fhe.search.layout.OperationCounts;
import org.knowm.xchart.XYChart;

/**
 * Renders the layout complexity study: CSV of the measured rows, a Markdown section (measured operations
 * against the formula, measured time, and time extrapolated to 10^8 items) and a log-log plot.
 * Extrapolation: records (blocks, or items of the prior layout) at the target size times the largest
 * measured run's scoring time of one record on one thread, divided by the threads: the time on dedicated
 * cores, free of the fixed start-up costs that dominate small measured galleries.
 */
public final class ComplexitySection {

    /** File name of the CSV. */
    public static final String CSV = "bench-complexity.csv";
    /** Base name of the plot files. */
    public static final String PLOT = "bench-complexity";
    /** File name of the Markdown section (under {@code sections/}). */
    public static final String SECTION = "bench-complexity.md";

    private static final long[] TARGETS = {10_000L, 1_000_000L, 100_000_000L};

    private ComplexitySection() {
    }

    /** CSV text of {@code rows}. */
    public static String csv(List<ComplexityRow> rows) {
        StringBuilder csv = new StringBuilder(ComplexityRow.CSV_HEADER).append('\n');
        rows.forEach(r -> csv.append(r.toCsv()).append('\n'));
        return csv.toString();
    }

    /**
     * Extrapolated scoring seconds for {@code items} items from the largest measured row of the same
     * layout and dimension: records times one record's scoring time, over the threads.
     */
    public static double extrapolatedSeconds(ComplexityRow largest, long items, int slots) {
        long records = ComplexityStudy.layoutAt(largest.layout(), items, largest.dimension(), slots).recordCount();
        return records * largest.recordSeconds() / largest.threads();
    }

    /**
     * @param rows       measured rows
     * @param slots      CKKS slots of the parameters used
     * @param parameters description of the parameters
     * @return the Markdown section
     */
    public static String markdown(List<ComplexityRow> rows, int slots, String parameters) {
        StringBuilder md = new StringBuilder("## Complexity: prior layout (Boddeti 2018) vs HERS layout\n\n");
        md.append("Parameters: ").append(parameters).append(". Prior layout: one gallery vector per ciphertext, inner")
                .append(" product by one product and log2(d) rotate-and-add steps. HERS (`hers`, as in the paper): block of")
                .append(" N/2 items, ciphertext j holds dimension j; d products and one relinearisation + rescale per block,")
                .append(" no rotation; `hers-complex`: the same with two items per complex slot, blocks of N items. Operations are counted by the search layer during the search and checked against")
                .append(" the formula (`formula = count`). Times are server scoring wall time on a shared 2-core")
                .append(" machine (noisy; CPU seconds in the CSV).\n\n");
        md.append("| layout | dims | items | ciphertexts | multiplications | relinearisations | rotations |"
                + " formula = count | scoring s | record ms (1 thread) | max abs error |\n"
                + "|---|---:|---:|---:|---:|---:|---:|:-:|---:|---:|---:|\n");
        for (ComplexityRow r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %,d | %,d | %,d | %,d | %,d | %s | %.3f | %.2f | %.1e |%n",
                    r.layout(), r.dimension(), r.items(), r.counted().ciphertexts(), r.counted().multiplications(),
                    r.counted().relinearizations(), r.counted().rotations(), r.formulaMatches() ? "yes" : "**NO**",
                    r.searchSeconds(), r.recordSeconds() * 1e3, r.maxAbsError()));
        }
        md.append("\n**Extrapolated to larger galleries**: operations from the formula; time = records x one record's")
                .append(" scoring time on one thread (largest measured run) / threads, i.e. on dedicated cores without")
                .append(" start-up costs:\n\n");
        md.append("| layout | dims | items | ciphertexts | rotations | scoring time |\n|---|---:|---:|---:|---:|---:|\n");
        Map<String, ComplexityRow> largest = largestByCurve(rows);
        largest.forEach((key, r) -> {
            for (long n : TARGETS) {
                OperationCounts at = ComplexityStudy.predictedAt(r.layout(), n, r.dimension(), slots);
                md.append(String.format(Locale.ROOT, "| %s | %d | %,d | %,d | %,d | %s |%n", r.layout(), r.dimension(), n,
                        at.ciphertexts(), at.rotations(), duration(extrapolatedSeconds(r, n, slots))));
            }
        });
        md.append('\n').append(speedups(largest, slots));
        md.append("\n![Scoring time vs gallery size by layout](../").append(PLOT).append(".png)\n");
        return md.toString();
    }

    /** Measured and extrapolated scoring time by layout and dimension. */
    public static XYChart plot(List<ComplexityRow> rows, int slots) {
        Map<String, List<ComplexityRow>> curves = new LinkedHashMap<>();
        rows.forEach(r -> curves.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r));
        List<Curve> measured = new ArrayList<>();
        List<Curve> extrapolated = new ArrayList<>();
        curves.forEach((name, list) -> {
            measured.add(new Curve(name, list.stream().mapToDouble(ComplexityRow::items).toArray(),
                    list.stream().mapToDouble(r -> Math.max(1e-6, r.searchSeconds())).toArray()));
            ComplexityRow last = list.get(list.size() - 1);
            int first = (int) Math.floor(Math.log10(list.get(0).items()));
            double[] xs = new double[8 - first + 1];
            double[] ys = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = Math.pow(10, first + i);
                ys[i] = Math.max(1e-6, extrapolatedSeconds(last, (long) xs[i], slots));
            }
            extrapolated.add(new Curve(name, xs, ys));
        });
        return TimeVersusSizePlot.chart("Encrypted scoring time by layout (server; extrapolation: dedicated cores)",
                measured, extrapolated, false);
    }

    private static String speedups(Map<String, ComplexityRow> largest, int slots) {
        StringBuilder md = new StringBuilder();
        largest.values().stream().filter(r -> r.layout().startsWith("hers")).forEach(hers -> {
            ComplexityRow prior = largest.get("boddeti2018 " + hers.dimension() + "-d");
            if (prior != null) {
                double ratio = extrapolatedSeconds(prior, 100_000_000L, slots)
                        / extrapolatedSeconds(hers, 100_000_000L, slots);
                md.append(String.format(Locale.ROOT, "- %d-d: %s is %.0fx faster than the prior layout at 10^8 items"
                        + " (extrapolated).%n", hers.dimension(), hers.layout(), ratio));
            }
        });
        return md.toString();
    }

    private static Map<String, ComplexityRow> largestByCurve(List<ComplexityRow> rows) {
        Map<String, ComplexityRow> largest = new LinkedHashMap<>();
        rows.forEach(r -> largest.merge(key(r), r, (a, b) -> b.items() >= a.items() ? b : a));
        return largest;
    }

    private static String key(ComplexityRow r) {
        return r.layout() + " " + r.dimension() + "-d";
    }

    private static String duration(double seconds) {
        if (seconds >= 86_400) {
            return String.format(Locale.ROOT, "%.1f days", seconds / 86_400);
        }
        if (seconds >= 3_600) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3_600);
        }
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }
}
