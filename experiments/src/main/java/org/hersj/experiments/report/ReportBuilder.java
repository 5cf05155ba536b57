package org.hersj.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hersj.fhe.io.AtomicFiles;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

/**
 * Builds a run's human-readable report ({@code report.md} and plots) from the files in its directory
 * alone: {@code results.csv}, {@code cmc.csv}, {@code provenance.json}, {@code config.yaml} and, for runs
 * with two-stage search, {@code two-stage.csv}. Nothing is
 * recomputed, so rebuilding gives the same Markdown.
 */
public final class ReportBuilder {

    /** File name of the Markdown report. */
    public static final String MARKDOWN = "report.md";
    /** File name of the provenance record. */
    public static final String PROVENANCE = "provenance.json";
    /** File name of the resolved config. */
    public static final String CONFIG = "config.yaml";
    /** Base name of the CMC plot files. */
    public static final String CMC_PLOT = "cmc";
    /** Base name of the rank-1 against dimension plot files. */
    public static final String RANK1_PLOT = "rank1-vs-dimension";
    /** File name of the rank-1 table (dataset x method x dimension, search modes side by side). */
    public static final String RANK1_TABLE = "rank1";
    /** File name of the timing breakdown table. */
    public static final String TIMINGS_TABLE = "timings";
    /** Base name of the training loss plots, followed by {@code -<label>}. */
    public static final String LOSS_PLOT = "training-loss";

    private ReportBuilder() {
    }

    /**
     * @param runDir a run directory written by {@code hers run}
     * @return the files written
     * @throws IOException if the run directory lacks a file or cannot be written
     */
    public static List<Path> build(Path runDir) throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new IOException(runDir + " is not a directory; expected a run directory such as"
                    + " results/quickstart/<run-id>");
        }
        Table results = readCsv(runDir.resolve(ResultsCsv.RESULTS));
        Table cmc = readCsv(runDir.resolve(ResultsCsv.CMC));
        JsonNode provenance = readTree(new ObjectMapper(), runDir.resolve(PROVENANCE));
        JsonNode config = readTree(new ObjectMapper(new YAMLFactory()), runDir.resolve(CONFIG));
        boolean plots = config.path("report").path("plots").asBoolean(true);
        boolean svg = config.path("report").path("svg").asBoolean(true);
        boolean latex = config.path("report").path("latex").asBoolean(false);
        String experiment = provenance.path("experiment").asText("?");
        String runId = provenance.path("runId").asText(runDir.getFileName().toString());

        List<Path> written = new ArrayList<>();
        List<String> plotNames = new ArrayList<>();
        if (plots) {
            written.addAll(PlotFiles.save(Plots.cmc(cmc, "CMC: " + experiment + " (encrypted = plaintext unless drawn)"), runDir, CMC_PLOT, svg));
            plotNames.add(CMC_PLOT);
            Optional<XYChart> byDim = Plots.rank1VersusDimension(results, "Rank-1 vs dimension: " + experiment);
            if (byDim.isPresent()) {
                written.addAll(PlotFiles.save(byDim.get(), runDir, RANK1_PLOT, svg));
                plotNames.add(RANK1_PLOT);
            }
            for (String label : LossPlots.labels(runDir)) {
                String name = LOSS_PLOT + "-" + label.replace("+", "p");
                written.addAll(PlotFiles.save(LossPlots.chart(runDir, label, "Training loss per stage: " + label + " ("
                        + experiment + ")"), runDir, name, svg));
                plotNames.add(name);
            }
        }
        Table rank1 = PaperTables.rank1(results);
        Table timings = PaperTables.timings(results);
        for (Table t : List.of(rank1, timings)) {
            Path csv = runDir.resolve(t.name() + ".csv");
            ResultsCsv.write(t, csv);
            written.add(csv);
            if (latex) {
                Path tex = runDir.resolve(t.name() + ".tex");
                AtomicFiles.writeString(tex, LatexTable.render(t, (t == rank1 ? "Rank-1 identification rate: "
                        : "Timing breakdown: ") + experiment));
                written.add(tex);
            }
        }
        Path markdown = runDir.resolve(MARKDOWN);
        AtomicFiles.writeString(markdown, markdown(experiment, runId, provenance, results, cmc, plotNames, rank1, timings,
                Files.isRegularFile(runDir.resolve("stages.csv")) ? Files.readAllLines(runDir.resolve("stages.csv")) : List.of(),
                TwoStageReport.markdown(runDir), TrainingSpeedReport.markdown(runDir)));
        written.add(markdown);
        return written;
    }

    private static String markdown(String experiment, String runId, JsonNode provenance, Table results, Table cmc,
                                   List<String> plotNames, Table rank1, Table timings, List<String> stages,
                                   String twoStage, String training) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(experiment).append(" — run ").append(runId).append("\n\n");
        JsonNode git = provenance.path("git");
        md.append("Code `").append(git.path("commit").asText("unknown")).append('`')
                .append(git.path("dirty").asBoolean(false) ? " (uncommitted changes)" : "")
                .append(", HERS-J ").append(provenance.path("hersVersion").asText("?"))
                .append(", seed ").append(provenance.path("seeds").path("run").asText("?"))
                .append(", started ").append(provenance.path("start").asText("?")).append(".\n\n");
        md.append("## Rank-1 (search modes side by side)\n\n").append(MarkdownTable.render(rank1)).append('\n');
        md.append("## Timing breakdown\n\n").append(MarkdownTable.render(timings)).append('\n');
        if (!twoStage.isEmpty()) {
            md.append("## Two-stage search\n\n").append(twoStage).append('\n');
        }
        if (!training.isEmpty()) {
            md.append("## Training per stage (speed, kept epoch; -1 = the stage's start was kept)\n\n").append(training);
        }
        md.append("## All results\n\n").append(MarkdownTable.render(ReportTables.summary(results))).append('\n');
        md.append("## CMC\n\n").append(MarkdownTable.render(ReportTables.cmc(cmc))).append('\n');
        if (!plotNames.isEmpty()) {
            md.append("## Plots\n\n");
            for (String name : plotNames) {
                md.append("![").append(name).append("](").append(name).append(".png)\n\n");
            }
        }
        long reused = stages.stream().skip(1).filter(l -> l.endsWith(",true")).count();
        if (stages.size() > 1) {
            md.append("Cached stages (fitted models, encrypted galleries): ").append(stages.size() - 1).append(" used, ")
                    .append(reused).append(" reused from an earlier run (`stages.csv`).\n\n");
        }
        md.append("Tables as CSV: `").append(RANK1_TABLE).append(".csv`, `").append(TIMINGS_TABLE).append(".csv`. Raw data: `")
                .append(ResultsCsv.RESULTS).append("`, `").append(ResultsCsv.CMC).append(twoStage.isEmpty() ? "" : "`, `" + TwoStageReport.CSV)
                .append("`; provenance: `").append(PROVENANCE).append("`; resolved config: `").append(CONFIG).append("`.\n");
        return md.toString();
    }

    private static Table readCsv(Path file) throws IOException {
        try {
            return ResultsCsv.read(file);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static JsonNode readTree(ObjectMapper mapper, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " not found; expected the " + file.getFileName()
                    + " that hers run writes into each run directory");
        }
        return mapper.readTree(file.toFile());
    }
}
