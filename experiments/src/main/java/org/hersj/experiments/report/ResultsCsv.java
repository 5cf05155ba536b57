package org.hersj.experiments.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;
import org.hersj.fhe.io.AtomicFiles;

/**
 * The raw result files of a run, {@code results.csv} and {@code cmc.csv}, written and read as Tablesaw
 * tables with fixed column types.
 */
public final class ResultsCsv {

    /** File name of the per-combination results. */
    public static final String RESULTS = "results.csv";
    /** File name of the CMC points. */
    public static final String CMC = "cmc.csv";

    private static final Map<String, ColumnType> TYPES = Map.ofEntries(
            Map.entry("dataset", ColumnType.STRING), Map.entry("method", ColumnType.STRING),
            Map.entry("dimension", ColumnType.INTEGER), Map.entry("search", ColumnType.STRING),
            Map.entry("gallery_identities", ColumnType.INTEGER), Map.entry("distractors", ColumnType.INTEGER),
            Map.entry("probes", ColumnType.INTEGER), Map.entry("rank1", ColumnType.DOUBLE),
            Map.entry("reduce_ms", ColumnType.DOUBLE), Map.entry("enrol_ms", ColumnType.DOUBLE),
            Map.entry("search_ms", ColumnType.DOUBLE), Map.entry("ms_per_probe", ColumnType.DOUBLE),
            Map.entry("top1_agreement", ColumnType.DOUBLE), Map.entry("max_score_error", ColumnType.DOUBLE),
            Map.entry("rank", ColumnType.INTEGER), Map.entry("rate", ColumnType.DOUBLE),
            Map.entry("keygen_ms", ColumnType.DOUBLE), Map.entry("probe_encrypt_ms", ColumnType.DOUBLE),
            Map.entry("scoring_ms", ColumnType.DOUBLE), Map.entry("decrypt_ms", ColumnType.DOUBLE),
            Map.entry("rank_ms", ColumnType.DOUBLE), Map.entry("epoch", ColumnType.INTEGER),
            Map.entry("step", ColumnType.INTEGER), Map.entry("total", ColumnType.DOUBLE),
            Map.entry("stage", ColumnType.INTEGER), Map.entry("stage1_dimension", ColumnType.INTEGER),
            Map.entry("stage2_dimension", ColumnType.INTEGER), Map.entry("k", ColumnType.INTEGER),
            Map.entry("gallery_items", ColumnType.INTEGER), Map.entry("rank1_full", ColumnType.DOUBLE),
            Map.entry("rank1_reduced", ColumnType.DOUBLE), Map.entry("rank1_two_stage", ColumnType.DOUBLE),
            Map.entry("recall_at_k", ColumnType.DOUBLE), Map.entry("top1_equals_full", ColumnType.DOUBLE),
            Map.entry("full_ms", ColumnType.DOUBLE), Map.entry("stage1_ms", ColumnType.DOUBLE),
            Map.entry("stage2_ms", ColumnType.DOUBLE), Map.entry("total_ms", ColumnType.DOUBLE),
            Map.entry("speed_up", ColumnType.DOUBLE));

    private ResultsCsv() {
    }

    /**
     * @param rows results
     * @return them as a table with the columns of {@code results.csv}
     */
    public static Table resultsTable(List<ResultRow> rows) {
        return Table.create("results",
                strings("dataset", rows, ResultRow::dataset), strings("method", rows, ResultRow::method),
                ints("dimension", rows, ResultRow::dimension), strings("search", rows, ResultRow::search),
                ints("gallery_identities", rows, ResultRow::galleryIdentities),
                ints("distractors", rows, ResultRow::distractors), ints("probes", rows, ResultRow::probes),
                doubles("rank1", rows, ResultRow::rank1), doubles("reduce_ms", rows, ResultRow::reduceMs),
                doubles("enrol_ms", rows, ResultRow::enrolMs), doubles("search_ms", rows, ResultRow::searchMs),
                doubles("ms_per_probe", rows, ResultRow::msPerProbe),
                doubles("top1_agreement", rows, ResultRow::top1Agreement),
                doubles("max_score_error", rows, ResultRow::maxScoreError),
                doubles("keygen_ms", rows, r -> r.timings().keygenMs()),
                doubles("probe_encrypt_ms", rows, r -> r.timings().probeEncryptMs()),
                doubles("scoring_ms", rows, r -> r.timings().scoringMs()),
                doubles("decrypt_ms", rows, r -> r.timings().decryptMs()),
                doubles("rank_ms", rows, r -> r.timings().rankMs()));
    }

    /**
     * @param points CMC points
     * @return them as a table with the columns of {@code cmc.csv}
     */
    public static Table cmcTable(List<CmcPoint> points) {
        return Table.create("cmc",
                strings("dataset", points, CmcPoint::dataset), strings("method", points, CmcPoint::method),
                ints("dimension", points, CmcPoint::dimension), strings("search", points, CmcPoint::search),
                ints("rank", points, CmcPoint::rank), doubles("rate", points, CmcPoint::rate));
    }

    /**
     * Writes a table as CSV, atomically.
     *
     * @param table the table
     * @param file  target file
     * @throws IOException if writing fails
     */
    public static void write(Table table, Path file) throws IOException {
        AtomicFiles.write(file, out -> table.write().csv(out));
    }

    /**
     * @param file a CSV written by {@link #write}
     * @return its table, with the column types of this format
     * @throws UncheckedIOException if it is missing or unreadable
     */
    public static Table read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException(file + " not found; expected the " + file.getFileName()
                    + " that hers run writes into each run directory"));
        }
        try {
            return Table.read().csv(CsvReadOptions.builder(file.toFile())
                    .columnTypes((Function<String, ColumnType>) name -> TYPES.getOrDefault(name, ColumnType.STRING)));
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot read " + file + ": " + e.getMessage(), e));
        }
    }

    private static <T> StringColumn strings(String name, List<T> rows, Function<T, String> get) {
        return StringColumn.create(name, rows.stream().map(get));
    }

    private static <T> IntColumn ints(String name, List<T> rows, ToIntFunction<T> get) {
        return IntColumn.create(name, rows.stream().mapToInt(get).toArray());
    }

    private static <T> DoubleColumn doubles(String name, List<T> rows, ToDoubleFunction<T> get) {
        return DoubleColumn.create(name, rows.stream().mapToDouble(get).toArray());
    }
}
