package org.hersj.experiments.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hersj.experiments.report.ResultRow;
import org.hersj.experiments.report.TwoStageRow;
import org.hersj.experiments.run.ExperimentRunner;
import org.hersj.experiments.run.RunOptions;
import org.hersj.experiments.run.RunOutcome;
import org.hersj.experiments.run.StageRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hers run <config.yaml>}: runs an experiment and writes its results directory.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an experiment config and write results/<experiment>/<run-id>/ (resolved config,"
            + " provenance.json, results.csv, cmc.csv, report.md, plots).",
            "The config and its data are checked before any work; a failed run leaves no directory."})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<config.yaml>", description = "Experiment config (YAML).")
    Path config;

    @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = "results",
            description = "Results root (default: ${DEFAULT-VALUE}, relative to the current directory).")
    Path resultsDir;

    @Option(names = "--run-id", paramLabel = "ID",
            description = "Name of the run directory (default: UTC time, e.g. 20261123-201500).")
    String runId;

    @Mixin
    OutputOptions output;

    private final StageRegistry registry;
    private final String commandLine;

    RunCommand(StageRegistry registry, String commandLine) {
        this.registry = registry;
        this.commandLine = commandLine;
    }

    @Override
    public Integer call() throws Exception {
        ExperimentRunner runner = new ExperimentRunner(registry, ProgressBar.forTerminal(output.quiet));
        RunOutcome outcome = runner.run(config, new RunOptions(resultsDir, runId, commandLine));
        for (ResultRow row : outcome.rows()) {
            output.out().printf(Locale.ROOT, "%s %s d=%d %s: rank-1 %.4f (%d probes, gallery %d + %d distractors,"
                            + " search %.1f ms)%n", row.dataset(), row.method(), row.dimension(), row.search(), row.rank1(),
                    row.probes(), row.galleryIdentities(), row.distractors(), row.searchMs());
        }
        for (TwoStageRow t : outcome.twoStage()) {
            output.out().printf(Locale.ROOT, "%s %s two-stage %d-d -> %d-d, K = %d: rank-1 full-dim %.4f, %d-d %.4f,"
                            + " two-stage %.4f; recall@K %.4f; %.1f ms vs full-dim %.1f ms (speed-up %.2fx)%n",
                    t.dataset(), t.method(), t.stage1Dimension(), t.stage2Dimension(), t.k(), t.rank1Full(),
                    t.stage1Dimension(), t.rank1Reduced(), t.rank1TwoStage(), t.recallAtK(), t.totalMs(), t.fullMs(),
                    t.speedUp());
        }
        output.out().println("results: " + outcome.runDir());
        return 0;
    }
}
