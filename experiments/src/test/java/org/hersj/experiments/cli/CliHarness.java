package org.hersj.experiments.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.hersj.experiments.run.StageRegistry;

/** Runs {@code hers} commands in-process for tests and keeps the last command's standard error. */
final class CliHarness {

    private String err = "";
    private String out = "";

    /** Runs one command line; returns its exit status. */
    int run(String... args) {
        StringWriter errors = new StringWriter();
        StringWriter output = new StringWriter();
        int status = HersCli.commandLine(StageRegistry.defaults(), args, new PrintWriter(output, true),
                new PrintWriter(errors, true)).execute(args);
        err = errors.toString();
        out = output.toString();
        return status;
    }

    /** Standard output of the last command. */
    String out() {
        return out;
    }

    /** Standard error of the last command. */
    String err() {
        return err;
    }
}
