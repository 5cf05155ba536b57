package org.hersj.experiments.cli;

import picocli.CommandLine.Command;

/**
 * {@code hers bench}: measured reports of encrypted search (subcommands only).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Encrypted-search benchmarks: 'search' (time vs gallery size) and 'complexity' (layouts).",
        subcommands = {BenchSearchCommand.class, BenchComplexityCommand.class})
final class BenchCommand {
}
