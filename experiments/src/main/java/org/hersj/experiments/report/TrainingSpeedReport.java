package org.hersj.experiments.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The "Training per stage" section of a run's report: for every trained reduction, the trainer's
 * {@code training-stages.csv} (copied to {@code training/<label>/}) as a Markdown table: steps, seconds,
 * steps/s and pairs/s of each stage, the time spent drawing (hard-mined) batches, the epoch whose weights
 * were kept (-1 = the stage's initial weights) and whether early stopping ended it.
 */
public final class TrainingSpeedReport {

    /** The per-stage table's file name. */
    public static final String FILE = "training-stages.csv";

    private TrainingSpeedReport() {
    }

    /**
     * @param runDir a run directory
     * @return the section's Markdown, or "" when nothing was trained in this run
     * @throws IOException if a table cannot be read
     */
    public static String markdown(Path runDir) throws IOException {
        StringBuilder md = new StringBuilder();
        for (String label : LossPlots.labels(runDir)) {
            Path file = runDir.resolve(LossPlots.DIR).resolve(label).resolve(FILE);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            if (lines.size() < 2) {
                continue;
            }
            md.append("**").append(label).append("**\n\n");
            for (int i = 0; i < lines.size(); i++) {
                md.append("| ").append(String.join(" | ", lines.get(i).split(",", -1))).append(" |\n");
                if (i == 0) {
                    md.append("|").append("---|".repeat(lines.get(0).split(",", -1).length)).append('\n');
                }
            }
            md.append('\n');
        }
        return md.toString();
    }
}
