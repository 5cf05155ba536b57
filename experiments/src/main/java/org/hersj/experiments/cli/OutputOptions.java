package org.hersj.experiments.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options every command shares: progress and error verbosity.
 */
final class OutputOptions {

    @Option(names = "--quiet", description = "Do not draw progress bars.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print the libraries' info log lines, and a stack trace when a command fails.")
    boolean verbose;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /**
     * @return where the command prints its results (the command line's output writer)
     */
    PrintWriter out() {
        return mixee.commandLine().getOut();
    }

    /**
     * @return where the command prints warnings (the command line's error writer)
     */
    PrintWriter err() {
        return mixee.commandLine().getErr();
    }
}
