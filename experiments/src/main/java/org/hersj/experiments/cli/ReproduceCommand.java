package org.hersj.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.hersj.experiments.reproduce.PaperExperiments;
import org.hersj.experiments.reproduce.Reproduction;
import org.hersj.experiments.run.ExperimentRunner;
import org.hersj.experiments.run.StageRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hers reproduce}: runs the synthetic twins of all paper experiments and writes
 * {@code results/reproduce/<run-id>/REPORT.md}.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Run the synthetic twins of the paper's experiments (" + "quickstart, imagenet-synthetic,"
            + " megaface-synthetic, fingerprint-synthetic, ablation, manifold-twin, two-stage-synthetic) and write"
            + " results/reproduce/<run-id>/REPORT.md embedding every table and plot.",
            "Markdown files placed in results/reproduce/<run-id>/sections/ are appended to REPORT.md."})
final class ReproduceCommand implements Callable<Integer> {

    @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = "results",
            description = "Results root (default: ${DEFAULT-VALUE}).")
    Path resultsDir;

    @Option(names = "--only", paramLabel = "NAME", arity = "1..*",
            description = "Run only these experiments (config names, e.g. ablation megaface-synthetic).")
    List<String> only;

    @Option(names = "--configs-dir", paramLabel = "DIR",
            description = "Directory of the configs (default: configs/ of the HERS-J checkout).")
    Path configsDir;

    @Option(names = "--run-id", paramLabel = "ID", description = "Run id (default: UTC time).")
    String runId;

    @Option(names = "--no-bench",
            description = "Skip the encrypted-search benchmarks (scaling to 10^8 and prior layout vs HERS, "
                    + "each at small sizes) whose sections are otherwise added to REPORT.md.")
    boolean noBench;

    @Mixin
    OutputOptions output;

    private final StageRegistry registry;
    private final String commandLine;

    ReproduceCommand(StageRegistry registry, String commandLine) {
        this.registry = registry;
        this.commandLine = commandLine;
    }

    @Override
    public Integer call() throws Exception {
        Path configs = configsDir != null ? configsDir : defaultConfigs();
        String id = runId != null ? runId : ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        List<String> names = only != null ? only : PaperExperiments.SYNTHETIC_TWINS;
        Path report = new Reproduction(new ExperimentRunner(registry, ProgressBar.forTerminal(output.quiet)))
                .run(configs, names, resultsDir, id, commandLine, noBench ? dir -> { } : this::runBenchmarks);
        output.out().println("report: " + report);
        return 0;
    }

    /** Small-size runs of {@code hers bench search} and {@code hers bench complexity} into {@code dir/sections}. */
    private void runBenchmarks(Path dir) throws IOException {
        String out = dir.toString();
        String[] quiet = output.quiet ? new String[] {"--quiet"} : new String[0];
        runBenchmark(new BenchSearchCommand(), with(quiet, "--dims", "16", "--sizes", "10000,100000,1000000", "--out", out));
        runBenchmark(new BenchComplexityCommand(), with(quiet, "--out", out));
    }

    private static String[] with(String[] extra, String... args) {
        String[] all = Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return all;
    }

    private void runBenchmark(Object command, String... args) throws IOException {
        CommandLine cli = new CommandLine(command);
        cli.setOut(output.out());
        cli.setErr(output.err());
        int code = cli.execute(args);
        if (code != 0) {
            throw new IOException("the benchmark 'hers bench " + cli.getCommandName() + " " + String.join(" ", args)
                    + "' failed (exit " + code + "); rerun it alone to see why, or pass --no-bench");
        }
    }

    private static Path defaultConfigs() {
        String home = System.getProperty("hers.home");
        Path fromHome = home == null ? null : Path.of(home, "configs");
        return fromHome != null && Files.isDirectory(fromHome) ? fromHome : Path.of("configs");
    }
}
