package org.hersj.experiments.cli;

import picocli.CommandLine.Option;

/**
 * {@code --force}: the commands that write a file refuse to replace an existing one unless it is given
 * (see {@link OutputPaths}).
 */
final class ForceOption {

    @Option(names = "--force", description = "Replace output files that already exist (never an input or a key file).")
    boolean force;
}
