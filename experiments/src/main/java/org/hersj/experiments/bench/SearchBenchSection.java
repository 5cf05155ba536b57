package org.hersj.experiments.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hersj.experiments.report.TimeVersusSizePlot;
import org.hersj.experiments.report.TimeVersusSizePlot.Curve;
import org.hersj.experiments.bench.search.SearchBenchmarkResult;
import org.hersj.experiments.bench.search.SearchBenchmarkRow;
import org.knowm.xchart.XYChart;

/**
 * Renders the results of {@code hers bench search} (one {@link SearchBenchmarkResult} per engine) as CSV,
 * a log-log plot with the extrapolation to 10^8 items, and a Markdown section.
 */
public final class SearchBenchSection {

    /** File name of the CSV. */
    public static final String CSV = "bench-search.csv";
    /** Base name of the plot files (.png, .svg). */
    public static final String PLOT = "bench-search";
    /** File name of the Markdown section (under {@code sections/}). */
    public static final String SECTION = "bench-search.md";

    private SearchBenchSection() {
    }

    /**
     * @param results measured results by engine name, in run order
     * @return CSV text: engine, then {@link SearchBenchmarkRow#CSV_HEADER} columns
     */
    public static String csv(Map<String, SearchBenchmarkResult> results) {
        StringBuilder csv = new StringBuilder("backend,").append(SearchBenchmarkRow.CSV_HEADER).append('\n');
        results.forEach((engine, result) -> result.rows()
                .forEach(row -> csv.append(engine).append(',').append(row.toCsv()).append('\n')));
        return csv.toString();
    }

    /**
     * @param results measured results by engine name
     * @return measured end-to-end times and their least-squares extrapolation to 10^8, with the anchors
     */
    public static XYChart plot(Map<String, SearchBenchmarkResult> results) {
        List<Curve> measured = new ArrayList<>();
        List<Curve> extrapolated = new ArrayList<>();
        results.forEach((engine, result) -> {
            List<SearchBenchmarkRow> rows = result.rows();
            String name = engine + " " + rows.get(0).dimension() + "-d, " + rows.get(0).threads() + " threads";
            measured.add(new Curve(name, rows.stream().mapToDouble(SearchBenchmarkRow::items).toArray(),
                    rows.stream().mapToDouble(SearchBenchmarkRow::totalSeconds).toArray()));
            extrapolated.add(TimeVersusSizePlot.line(name, rows.get(0).items(),
                    Math.max(0, result.extrapolation().intercept()), result.extrapolation().secondsPerItem()));
        });
        return TimeVersusSizePlot.chart("Encrypted search, end to end (probe encryption to top-k)", measured,
                extrapolated, true);
    }

    /**
     * @param results measured results by engine name
     * @param preset  CKKS preset name
     * @return the Markdown section
     */
    public static String markdown(Map<String, SearchBenchmarkResult> results, String preset) {
        StringBuilder md = new StringBuilder("## Encrypted search time vs gallery size\n\n");
        md.append("Preset ").append(preset).append(". Probe and gallery encrypted (CKKS, 128-bit security), HERS")
                .append(" layout (mode `hers-complex`: two items per complex slot, blocks of N items; `hers`: one item")
                .append(" per slot, blocks of N/2, as in the paper), gallery streamed from disk, one relinearisation +")
                .append(" rescale per block (mode `...-encrypted`) or the degree-2 block product returned as it is (mode")
                .append(" `...-encrypted-degree2`, decrypted with s and s^2). End-to-end =")
                .append(" probe encryption + server scoring + decryption and top-k. The machine is shared by several")
                .append(" processes, so wall times are noisy; `CPU s` (process CPU time, all threads) is the more")
                .append(" robust measure.\n\n");
        md.append("| backend | items | dims | threads | blocks | enroll s | end-to-end s | CPU s | items·dims/s"
                + " | block ms (1 thread) | plaintext s | encrypted/plaintext | max abs error | gallery B/item | scores MB |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        results.forEach((engine, result) -> result.rows().forEach(r -> md.append(String.format(Locale.ROOT,
                "| %s | %,d | %d | %d | %d | %.2f | %.3f | %.2f | %.3g | %.2f | %.4f | %.0f | %s | %.1f | %.1f |%n", engine + " (" + r.mode()
                + ")", r.items(),
                r.dimension(), r.threads(), r.records(), r.enrollSeconds(), r.totalSeconds(), r.cpuSeconds(),
                r.itemDimsPerSecond(), r.blockScoreSeconds() * 1e3, r.plaintextSeconds(), r.encryptedOverPlaintext(),
                Double.isNaN(r.maxAbsError()) ? "not checked" : String.format(Locale.ROOT, "%.2e", r.maxAbsError()),
                r.bytesPerItem(), r.scoresBytes() / 1e6))));
        md.append("\n**Extrapolated to 10^8 items** (goal: <= ")
                .append(fmt(TimeVersusSizePlot.GOAL_SECONDS_AT_100M)).append(" s on 2 cores; the paper reports ~")
                .append(fmt(TimeVersusSizePlot.PAPER_SECONDS_AT_100M)).append(" s on a server):\n\n");
        md.append("| backend | least-squares line | proportional to largest run | CPU-bound (CPU s / threads) |"
                + " encrypted/plaintext (largest) |\n|---|---:|---:|---:|---:|\n");
        results.forEach((engine, result) -> {
            SearchBenchmarkRow largest = result.rows().get(result.rows().size() - 1);
            md.append(String.format(Locale.ROOT, "| %s | %.1f s | %.1f s | %.1f s | %.0f |%n", engine,
                    result.secondsAt100Million(), result.secondsAt100MillionFromLargest(),
                    result.cpuBoundSecondsAt100Million(), largest.encryptedOverPlaintext()));
        });
        if (results.size() > 1) {
            md.append("\n**Time of one block on one thread, by engine** (ms):\n\n").append(blockTable(results));
        }
        md.append("\n![Encrypted search time vs gallery size](../").append(PLOT).append(".png)\n");
        return md.toString();
    }

    /**
     * @param results measured results by engine name
     * @return a Markdown table of the per-block scoring time of every engine, side by side by size
     */
    public static String blockTable(Map<String, SearchBenchmarkResult> results) {
        StringBuilder md = new StringBuilder("| items |");
        StringBuilder rule = new StringBuilder("|---:|");
        results.keySet().forEach(engine -> {
            md.append(' ').append(engine).append(" block ms |");
            rule.append("---:|");
        });
        md.append('\n').append(rule).append('\n');
        List<SearchBenchmarkResult> all = List.copyOf(results.values());
        for (int i = 0; i < all.get(0).rows().size(); i++) {
            md.append(String.format(Locale.ROOT, "| %,d |", all.get(0).rows().get(i).items()));
            for (SearchBenchmarkResult r : all) {
                md.append(i < r.rows().size() ? String.format(Locale.ROOT, " %.2f |",
                        r.rows().get(i).blockScoreSeconds() * 1e3) : " - |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
