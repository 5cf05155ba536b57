package org.hersj.reduction.deepmds;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Writes one stage's loss curve as CSV ({@code step,total,genuine,impostor,covariance,weight_decay,validation};
 * validation is filled on the last step of each epoch, empty otherwise). The file is written under a
 * temporary name and renamed when the stage ends.
 */
final class LossCurveWriter implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final BufferedWriter out;

    /**
     * @param directory   where the curve goes (created if missing)
     * @param stage       0-based stage index
     * @param outputWidth the stage's output width
     */
    LossCurveWriter(Path directory, int stage, int outputWidth) {
        try {
            Files.createDirectories(directory);
            target = directory.resolve(fileName(stage, outputWidth));
            temporary = directory.resolve(target.getFileName() + ".tmp");
            out = Files.newBufferedWriter(temporary);
            out.write("step,total,genuine,impostor,covariance,weight_decay,validation\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write loss curve in " + directory, e);
        }
    }

    /**
     * @param stage       0-based stage index
     * @param outputWidth the stage's output width
     * @return the curve's file name, e.g. {@code loss-stage1-256d.csv}
     */
    static String fileName(int stage, int outputWidth) {
        return "loss-stage" + (stage + 1) + "-" + outputWidth + "d.csv";
    }

    /**
     * @param step       step within the stage
     * @param loss       the step's loss terms
     * @param validation validation loss, or NaN for none
     */
    void row(long step, LossTerms loss, double validation) {
        try {
            out.write(String.format(Locale.ROOT, "%d,%.6g,%.6g,%.6g,%.6g,%.6g,%s%n", step, loss.total(), loss.genuine(),
                    loss.impostor(), loss.covariance(), loss.weightDecay(),
                    Double.isNaN(validation) ? "" : String.format(Locale.ROOT, "%.6g", validation)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write loss curve " + temporary, e);
        }
    }

    /** Flushes and renames the curve to its final name. */
    @Override
    public void close() {
        try {
            out.close();
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish loss curve " + target, e);
        }
    }
}
