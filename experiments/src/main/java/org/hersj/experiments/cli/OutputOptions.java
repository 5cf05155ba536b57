package org.hersj.experiments.cli;

import picocli.CommandLine.Option;

/**
 * Options every command shares: progress and error verbosity.
 */
final class OutputOptions {

    @Option(names = "--quiet", description = "Do not draw progress bars.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print a stack trace when a command fails.")
    boolean verbose;
}
