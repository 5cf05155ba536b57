package org.hersj.experiments.cli;

import picocli.CommandLine.Command;

/**
 * {@code hers data}: dataset tools (subcommands only).
 */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Dataset tools.",
        subcommands = SynthCommand.class)
final class DataCommand {
}
