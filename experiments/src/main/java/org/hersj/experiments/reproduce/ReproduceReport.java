package org.hersj.experiments.reproduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hersj.fhe.io.AtomicFiles;
import org.hersj.experiments.report.MarkdownTable;
import org.hersj.experiments.report.PaperTables;
import org.hersj.experiments.report.ReportBuilder;
import org.hersj.experiments.report.ResultsCsv;
import org.hersj.experiments.report.TwoStageReport;
import tech.tablesaw.api.Table;

/**
 * Writes {@code REPORT.md} of a {@code hers reproduce} run from the sub-runs' directories alone: a combined
 * rank-1 table over all datasets, then per sub-run its rank-1 table, timing breakdown, two-stage table (if
 * it ran two-stage search) and every plot
 * (relative links into the sub-run directories), then every Markdown section found in the reproduce run's
 * {@code sections/} directory (e.g. the complexity and scaling sections of the search benchmark), in file
 * name order.
 */
public final class ReproduceReport {

    /** File name of the summary. */
    public static final String FILE = "REPORT.md";
    /** Directory of extra Markdown sections inside the reproduce run directory. */
    public static final String SECTIONS = "sections";

    private ReproduceReport() {
    }

    /**
     * @param reproduceDir the reproduce run directory ({@code results/reproduce/<run-id>})
     * @param runDirs      the sub-runs' directories, in order
     * @param header       lines written under the title (command, wall time)
     * @return the written file
     * @throws IOException if a sub-run lacks its files or the report cannot be written
     */
    public static Path write(Path reproduceDir, List<Path> runDirs, List<String> header) throws IOException {
        StringBuilder md = new StringBuilder("# HERS-J reproduction: synthetic twins of the paper's experiments\n\n");
        header.forEach(h -> md.append(h).append("\n"));
        md.append("\n## Rank-1 over all experiments\n\n");
        Table all = null;
        for (Path run : runDirs) {
            Table t = ResultsCsv.read(run.resolve(ResultsCsv.RESULTS));
            all = all == null ? t : all.append(t);
        }
        if (all != null) {
            md.append(MarkdownTable.render(PaperTables.rank1(all))).append('\n');
        }
        for (Path run : runDirs) {
            String link = reproduceDir.relativize(run).toString().replace('\\', '/');
            md.append("## ").append(experiment(run)).append("\n\n");
            md.append("Run directory: [`").append(link).append("`](").append(link).append("/")
                    .append(ReportBuilder.MARKDOWN).append(").\n\n");
            Table results = ResultsCsv.read(run.resolve(ResultsCsv.RESULTS));
            md.append("### Rank-1\n\n").append(MarkdownTable.render(PaperTables.rank1(results))).append('\n');
            md.append("### Timing breakdown\n\n").append(MarkdownTable.render(PaperTables.timings(results))).append('\n');
            String twoStage = TwoStageReport.markdown(run);
            if (!twoStage.isEmpty()) {
                md.append("### Two-stage search\n\n").append(twoStage).append('\n');
            }
            List<String> plots = plots(run);
            if (!plots.isEmpty()) {
                md.append("### Plots\n\n");
                for (String png : plots) {
                    md.append("![").append(experiment(run)).append(": ").append(png.replace(".png", "")).append("](")
                            .append(link).append('/').append(png).append(")\n\n");
                }
            }
        }
        for (Path section : sections(reproduceDir)) {
            md.append(linksFromReport(reproduceDir, section, Files.readString(section)).stripTrailing()).append("\n\n");
        }
        Path file = reproduceDir.resolve(FILE);
        AtomicFiles.writeString(file, md.toString());
        return file;
    }

    private static String experiment(Path run) {
        return run.getParent().getFileName().toString();
    }

    private static List<String> plots(Path run) throws IOException {
        try (Stream<Path> s = Files.list(run)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList();
        }
    }

    /**
     * A section's relative links ({@code ](x.png)}, {@code ](../x.png)}) are relative to the section's own file;
     * rewrites them so they resolve from {@code REPORT.md} in {@code reproduceDir}.
     */
    static String linksFromReport(Path reproduceDir, Path section, String markdown) {
        Path base = reproduceDir.toAbsolutePath().normalize();
        Path sectionDir = section.toAbsolutePath().normalize().getParent();
        Matcher m = RELATIVE_LINK.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String target = base.relativize(sectionDir.resolve(m.group(1)).normalize()).toString().replace('\\', '/');
            m.appendReplacement(out, Matcher.quoteReplacement("](" + target + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A Markdown link target that is a relative path (no scheme, not absolute, not an anchor). */
    private static final Pattern RELATIVE_LINK = Pattern.compile("\\]\\((?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)([^)\\s]+)\\)");

    private static List<Path> sections(Path reproduceDir) throws IOException {
        Path dir = reproduceDir.resolve(SECTIONS);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return new ArrayList<>(s.filter(p -> p.toString().endsWith(".md")).sorted().toList());
        }
    }
}
