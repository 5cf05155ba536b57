package org.hersj.experiments.reproduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hersj.experiments.config.ConfigLoader;
import org.hersj.experiments.run.ExperimentRunner;
import org.hersj.experiments.run.RunOptions;
import org.hersj.experiments.run.RunOutcome;

/**
 * {@code hers reproduce}: runs the synthetic twins of the paper's experiments, each into its own run
 * directory {@code <results>/<experiment>/<run-id>/} (sharing the experiment's stage cache, so a repeated
 * reproduction reuses trained models and encrypted galleries), then writes
 * {@code <results>/reproduce/<run-id>/REPORT.md}.
 */
public final class Reproduction {

    private final ExperimentRunner runner;

    /** @param runner runs each experiment */
    public Reproduction(ExperimentRunner runner) {
        this.runner = runner;
    }

    /**
     * @param configsDir directory holding {@code <name>.yaml} for each name
     * @param names      config names to run, in order
     * @param resultsDir results root
     * @param runId      run id used for every sub-run and the reproduce directory
     * @param command    the command line, for provenance
     * @return the REPORT.md written
     * @throws IOException if a run or the report fails
     * @throws org.hersj.experiments.config.ConfigException if any config is bad (all are checked before the first run)
     */
    public Path run(Path configsDir, List<String> names, Path resultsDir, String runId, String command) throws IOException {
        return run(configsDir, names, resultsDir, runId, command, dir -> { });
    }

    /**
     * Writes extra Markdown sections into the reproduce run directory's {@code sections/} folder (for example
     * the search benchmarks), after the experiments have run and before {@code REPORT.md} is written.
     */
    @FunctionalInterface
    public interface SectionWriter {
        /**
         * @param reproduceDir the reproduce run directory (already created)
         * @throws IOException if writing fails
         */
        void write(Path reproduceDir) throws IOException;
    }

    /**
     * Like {@link #run(Path, List, Path, String, String)}, with {@code extraSections} called once all configs ran,
     * so its sections are embedded in {@code REPORT.md}.
     *
     * @param configsDir    directory holding {@code <name>.yaml} for each name
     * @param names         config names to run, in order
     * @param resultsDir    results root
     * @param runId         run id used for every sub-run and the reproduce directory
     * @param command       the command line, for provenance
     * @param extraSections writes further sections into the reproduce directory
     * @return the REPORT.md written
     * @throws IOException if a run, a section or the report fails
     */
    public Path run(Path configsDir, List<String> names, Path resultsDir, String runId, String command,
            SectionWriter extraSections) throws IOException {
        List<Path> configs = new ArrayList<>();
        for (String name : names) {
            Path config = configsDir.resolve(name + ".yaml");
            if (!Files.isRegularFile(config)) {
                throw new IOException(config + " not found; expected the config of experiment '" + name + "' (known: "
                        + String.join(", ", PaperExperiments.SYNTHETIC_TWINS) + ")");
            }
            ConfigLoader.load(config);
            configs.add(config);
        }
        long start = System.nanoTime();
        List<Path> runDirs = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("Command: `" + command + "`, run id `" + runId + "`.\n");
        header.add("| experiment | wall time |");
        header.add("| --- | ---: |");
        for (Path config : configs) {
            long t0 = System.nanoTime();
            RunOutcome outcome = runner.run(config, new RunOptions(resultsDir, runId, command));
            runDirs.add(outcome.runDir());
            header.add("| " + outcome.runDir().getParent().getFileName() + " | " + seconds(System.nanoTime() - t0) + " |");
        }
        header.add("| **total** | " + seconds(System.nanoTime() - start) + " |");
        Path dir = resultsDir.toAbsolutePath().normalize().resolve("reproduce").resolve(runId);
        Files.createDirectories(dir);
        extraSections.write(dir);
        return ReproduceReport.write(dir, runDirs, header);
    }

    private static String seconds(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }
}
