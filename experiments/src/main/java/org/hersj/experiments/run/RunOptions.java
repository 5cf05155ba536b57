package org.hersj.experiments.run;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and under which id a run writes its results.
 *
 * @param resultsDir results root; the run goes to {@code <resultsDir>/<experiment>/<runId>/}
 * @param runId      run id, or {@code null} for a UTC timestamp such as {@code 20261123-201500}
 * @param command    the command line, recorded in the provenance
 */
public record RunOptions(Path resultsDir, String runId, String command) {

    /** Checks that the results root is given. */
    public RunOptions {
        Objects.requireNonNull(resultsDir, "resultsDir");
        command = command == null ? "" : command;
    }
}
