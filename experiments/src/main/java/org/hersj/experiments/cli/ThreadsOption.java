package org.hersj.experiments.cli;

import picocli.CommandLine.Option;

/** {@code --threads T}: worker threads of a command, checked against the machine's cores. */
final class ThreadsOption {

    @Option(names = "--threads", defaultValue = "2", paramLabel = "T", description = "Threads (default: ${DEFAULT-VALUE}).")
    int threads;

    /**
     * @return the threads asked for
     * @throws IllegalArgumentException when outside 1 to {@value RoleOptions#THREADS_PER_CORE} x the cores
     */
    int value() {
        return RoleOptions.threads(threads);
    }
}
