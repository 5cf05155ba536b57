package org.hersj.experiments.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The two-stage file of a run, {@code two-stage.csv} (written only when the run has {@code two-stage}
 * rows), and its Markdown table: rank-1 of single-stage full-dimension, single-stage reduced and
 * two-stage search, stage 1's recall@K, the time of each stage and the speed-up.
 */
public final class TwoStageReport {

    /** File name of the two-stage rows. */
    public static final String CSV = "two-stage.csv";

    private TwoStageReport() {
    }

    /**
     * @param rows two-stage rows
     * @return them as a table with the columns of {@code two-stage.csv}
     */
    public static Table table(List<TwoStageRow> rows) {
        return Table.create("two-stage",
                StringColumn.create("dataset", rows.stream().map(TwoStageRow::dataset)),
                StringColumn.create("method", rows.stream().map(TwoStageRow::method)),
                ints("stage1_dimension", rows.stream().mapToInt(TwoStageRow::stage1Dimension).toArray()),
                ints("stage2_dimension", rows.stream().mapToInt(TwoStageRow::stage2Dimension).toArray()),
                ints("k", rows.stream().mapToInt(TwoStageRow::k).toArray()),
                ints("gallery_items", rows.stream().mapToInt(TwoStageRow::galleryItems).toArray()),
                ints("probes", rows.stream().mapToInt(TwoStageRow::probes).toArray()),
                doubles("rank1_full", rows.stream().mapToDouble(TwoStageRow::rank1Full).toArray()),
                doubles("rank1_reduced", rows.stream().mapToDouble(TwoStageRow::rank1Reduced).toArray()),
                doubles("rank1_two_stage", rows.stream().mapToDouble(TwoStageRow::rank1TwoStage).toArray()),
                doubles("recall_at_k", rows.stream().mapToDouble(TwoStageRow::recallAtK).toArray()),
                doubles("top1_equals_full", rows.stream().mapToDouble(TwoStageRow::top1EqualsFull).toArray()),
                doubles("full_ms", rows.stream().mapToDouble(TwoStageRow::fullMs).toArray()),
                doubles("stage1_ms", rows.stream().mapToDouble(TwoStageRow::stage1Ms).toArray()),
                doubles("stage2_ms", rows.stream().mapToDouble(TwoStageRow::stage2Ms).toArray()),
                doubles("total_ms", rows.stream().mapToDouble(TwoStageRow::totalMs).toArray()),
                doubles("speed_up", rows.stream().mapToDouble(TwoStageRow::speedUp).toArray()));
    }

    /**
     * @param runDir a run directory
     * @return the Markdown table of its {@code two-stage.csv} with a one-line legend, or empty if the run
     *         has no two-stage rows
     * @throws java.io.UncheckedIOException if the file exists but cannot be read
     */
    public static String markdown(Path runDir) {
        Path file = runDir.resolve(CSV);
        if (!Files.isRegularFile(file)) {
            return "";
        }
        Table t = ResultsCsv.read(file);
        List<String> names = List.of("dataset", "method", "stage 1 dim", "stage 2 dim", "K", "gallery", "probes",
                "rank-1 full-dim", "rank-1 reduced", "rank-1 two-stage", "recall@K (stage 1)", "top-1 = full-dim",
                "full-dim ms", "stage 1 ms", "stage 2 ms", "two-stage ms", "speed-up");
        List<String[]> rows = new ArrayList<>();
        for (Row r : t) {
            rows.add(new String[] {r.getString("dataset"), r.getString("method"),
                Integer.toString(r.getInt("stage1_dimension")), Integer.toString(r.getInt("stage2_dimension")),
                Integer.toString(r.getInt("k")), Integer.toString(r.getInt("gallery_items")), Integer.toString(r.getInt("probes")),
                ReportTables.fixed(r.getDouble("rank1_full"), 4), ReportTables.fixed(r.getDouble("rank1_reduced"), 4),
                ReportTables.fixed(r.getDouble("rank1_two_stage"), 4), ReportTables.fixed(r.getDouble("recall_at_k"), 4),
                ReportTables.fixed(100 * r.getDouble("top1_equals_full"), 1) + " %",
                ReportTables.fixed(r.getDouble("full_ms"), 1), ReportTables.fixed(r.getDouble("stage1_ms"), 1),
                ReportTables.fixed(r.getDouble("stage2_ms"), 1), ReportTables.fixed(r.getDouble("total_ms"), 1),
                String.format(Locale.ROOT, "%.2fx", r.getDouble("speed_up"))});
        }
        return MarkdownTable.render(ReportTables.table("two-stage", names, rows)) + "\n"
                + "All searches encrypted, same keys' engine and preset; times are wall ms over all probes (client and"
                + " server in one process). Rank-1 full-dim / reduced: single-stage search of the original / reduced"
                + " features; recall@K: probes whose enrolled mate is in stage 1's top K; speed-up: full-dim ms /"
                + " two-stage ms (at these gallery sizes stage 2's fixed cost per candidate dominates; see"
                + " `hers bench complexity` for the extrapolation to large galleries).\n";
    }

    private static IntColumn ints(String name, int[] values) {
        return IntColumn.create(name, values);
    }

    private static DoubleColumn doubles(String name, double[] values) {
        return DoubleColumn.create(name, values);
    }
}
