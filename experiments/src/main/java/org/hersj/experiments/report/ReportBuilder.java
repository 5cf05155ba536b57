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
import org.hersj.experiments.io.AtomicFiles;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

/**
 * Builds a run's human-readable report ({@code report.md} and plots) from the files in its directory
 * alone: {@code results.csv}, {@code cmc.csv}, {@code provenance.json} and {@code config.yaml}. Nothing is
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
        String experiment = provenance.path("experiment").asText("?");
        String runId = provenance.path("runId").asText(runDir.getFileName().toString());

        List<Path> written = new ArrayList<>();
        List<String> plotNames = new ArrayList<>();
        if (plots) {
            written.addAll(PlotFiles.save(Plots.cmc(cmc, "CMC: " + experiment), runDir, CMC_PLOT, svg));
            plotNames.add(CMC_PLOT);
            Optional<XYChart> byDim = Plots.rank1VersusDimension(results, "Rank-1 vs dimension: " + experiment);
            if (byDim.isPresent()) {
                written.addAll(PlotFiles.save(byDim.get(), runDir, RANK1_PLOT, svg));
                plotNames.add(RANK1_PLOT);
            }
        }
        Path markdown = runDir.resolve(MARKDOWN);
        AtomicFiles.writeString(markdown, markdown(experiment, runId, provenance, results, cmc, plotNames));
        written.add(markdown);
        return written;
    }

    private static String markdown(String experiment, String runId, JsonNode provenance, Table results, Table cmc,
                                   List<String> plotNames) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(experiment).append(" — run ").append(runId).append("\n\n");
        JsonNode git = provenance.path("git");
        md.append("Code `").append(git.path("commit").asText("unknown")).append('`')
                .append(git.path("dirty").asBoolean(false) ? " (uncommitted changes)" : "")
                .append(", HERS-J ").append(provenance.path("hersVersion").asText("?"))
                .append(", seed ").append(provenance.path("seeds").path("run").asText("?"))
                .append(", started ").append(provenance.path("start").asText("?")).append(".\n\n");
        md.append("## Results\n\n").append(MarkdownTable.render(ReportTables.summary(results))).append('\n');
        md.append("## CMC\n\n").append(MarkdownTable.render(ReportTables.cmc(cmc))).append('\n');
        if (!plotNames.isEmpty()) {
            md.append("## Plots\n\n");
            for (String name : plotNames) {
                md.append("![").append(name).append("](").append(name).append(".png)\n\n");
            }
        }
        md.append("Raw data: `").append(ResultsCsv.RESULTS).append("`, `").append(ResultsCsv.CMC)
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
