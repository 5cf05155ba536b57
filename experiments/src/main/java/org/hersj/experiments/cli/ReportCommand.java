package org.hersj.experiments.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hersj.experiments.report.ReportBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code hers report <run-dir>}: rebuilds a run's Markdown report and plots from its files.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuild report.md and the plots of a run directory from its results.csv, cmc.csv,"
            + " provenance.json and config.yaml alone (nothing is recomputed).")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<run-dir>", description = "A directory written by 'hers run'.")
    Path runDir;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        for (Path file : ReportBuilder.build(runDir)) {
            output.out().println("wrote " + file);
        }
        return 0;
    }
}
