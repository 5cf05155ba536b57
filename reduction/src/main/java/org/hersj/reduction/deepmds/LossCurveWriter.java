package org.hersj.reduction.deepmds;

import java.nio.file.Path;
import java.util.Locale;
import org.hersj.reduction.core.AtomicFiles;

/**
 * Writes one stage's loss curve as CSV ({@code step,total,genuine,impostor,covariance,weight_decay,identification,validation};
 * validation is filled on the last step of each epoch, empty otherwise). The rows are kept in memory and the
 * file is written atomically ({@link AtomicFiles}) when the stage ends.
 */
final class LossCurveWriter implements AutoCloseable {

    private final Path target;
    private final StringBuilder out = new StringBuilder();

    /**
     * @param directory   where the curve goes (created if missing)
     * @param stage       0-based stage index
     * @param outputWidth the stage's output width
     */
    LossCurveWriter(Path directory, int stage, int outputWidth) {
        target = directory.resolve(fileName(stage, outputWidth));
        out.append("step,total,genuine,impostor,covariance,weight_decay,identification,validation\n");
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
        out.append(String.format(Locale.ROOT, "%d,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%s%n", step, loss.total(),
                loss.genuine(), loss.impostor(), loss.covariance(), loss.weightDecay(), loss.identification(),
                Double.isNaN(validation) ? "" : String.format(Locale.ROOT, "%.6g", validation)));
    }

    /** Writes the curve under its final name with {@link AtomicFiles} (a small table: one line per logged step). */
    @Override
    public void close() {
        AtomicFiles.writeString(target, out.toString());
    }
}
