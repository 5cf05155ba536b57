package org.hersj.experiments.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import org.hersj.experiments.run.ProvenanceCollector;
import org.hersj.experiments.run.StageRegistry;
import org.hersj.fhe.ckks.ParameterPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code hers} command line: {@code run}, {@code report} and {@code data synth}. Errors are one line
 * on standard error with a non-zero exit code (2 for usage errors, 1 for failures); {@code --verbose}
 * adds the stack trace.
 */
@Command(name = "hers", mixinStandardHelpOptions = true, versionProvider = HersCli.Version.class,
        description = "HERS-J: dimensionality reduction and homomorphically encrypted search over embeddings.",
        subcommands = CommandLine.HelpCommand.class)
public final class HersCli {

    @Option(names = "--allow-insecure", scope = ScopeType.INHERIT,
            description = "Accept key and parameter files whose CKKS parameters are outside the security table"
                    + " (tests only; printed as a warning and recorded in the run's provenance with the command line).")
    boolean allowInsecure;

    private HersCli() {
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(StageRegistry.defaults(), args));
    }

    /**
     * Runs the command line without exiting.
     *
     * @param registry stages available to {@code hers run}
     * @param args     command-line arguments
     * @return the exit status
     */
    public static int execute(StageRegistry registry, String... args) {
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            return commandLine(registry, args, new PrintWriter(System.out, true), err).execute(args);
        } catch (RuntimeException | Error e) {
            // picocli passes errors (e.g. OutOfMemoryError) through; they still get one line, not a stack trace
            err.println("hers: error: " + ErrorMessages.describe(e));
            if (Arrays.asList(args).contains("--verbose")) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    /** slf4j-simple's level property; {@code simplelogger.properties} sets warn, {@code --verbose} info. */
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    /**
     * @param registry stages available to {@code hers run}
     * @param args     the arguments (recorded in provenance; scanned for {@code --verbose})
     * @param out      where results and help go
     * @param err      where errors go
     * @return the configured picocli command line
     */
    static CommandLine commandLine(StageRegistry registry, String[] args, PrintWriter out, PrintWriter err) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        ParameterPolicy parameters = parameterPolicy(args, err);
        if (verbose && System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "info"); // before any library creates its first logger
        }
        CommandLine cli = new CommandLine(new HersCli());
        cli.addSubcommand(new CommandLine(new RunCommand(registry, "hers " + String.join(" ", args))));
        cli.addSubcommand(new ReportCommand());
        cli.addSubcommand(new CommandLine(new ReproduceCommand(registry, "hers " + String.join(" ", args))));
        cli.addSubcommand(new DataCommand());
        cli.addSubcommand(new KeygenCommand());
        cli.addSubcommand(new EnrollCommand(parameters));
        cli.addSubcommand(new EncryptProbeCommand(parameters));
        cli.addSubcommand(new SearchCommand(parameters));
        cli.addSubcommand(new RankCommand(parameters));
        cli.addSubcommand(new RerankCommand(parameters));
        cli.addSubcommand(new BenchCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, command, parse) -> {
            err.println("hers: error: " + ErrorMessages.describe(e));
            if (verbose) {
                e.printStackTrace(err);
            }
            return 1;
        });
        cli.setParameterExceptionHandler((e, args2) -> {
            err.println("hers: error: " + e.getMessage() + " (try '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            if (verbose) {
                e.printStackTrace(err);
            }
            return 2;
        });
        return cli;
    }

    /**
     * Only the command line itself may let insecure parameters in from files: with {@code --allow-insecure} the
     * key-loading commands get a policy naming this command line (which a run's provenance records) and a loud
     * warning is printed; otherwise they refuse parameters marked insecure.
     */
    private static ParameterPolicy parameterPolicy(String[] args, PrintWriter err) {
        if (!Arrays.asList(args).contains("--allow-insecure")) {
            return ParameterPolicy.SECURE_ONLY;
        }
        String commandLine = "hers " + String.join(" ", args);
        err.println("*****************************************************************************");
        err.println("WARNING: --allow-insecure: CKKS parameters outside the security table are accepted");
        err.println("WARNING: from files in this run (" + commandLine + "). Use for tests only.");
        err.println("*****************************************************************************");
        return ParameterPolicy.allowInsecure(commandLine);
    }

    /** Reports the build's version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hers " + ProvenanceCollector.hersVersion()};
        }
    }
}
