package org.hersj.reduction.deepmds;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hersj.reduction.core.AtomicFiles;

/**
 * Writes {@value #FILE_NAME}: one row per finished stage with its training speed and how it ended
 * ({@code stage,width,steps,seconds,mining_seconds,steps_per_second,pairs_per_second,kept_epoch,
 * stopped_early,best_validation}; {@code kept_epoch} -1 = the stage's initial weights were kept). Rewritten
 * atomically after every stage.
 */
final class StageSpeedTable {

    /** File name in the run directory. */
    static final String FILE_NAME = "training-stages.csv";

    private StageSpeedTable() {
    }

    /**
     * @param directory where the table goes
     * @param stages    the finished stages, in order
     */
    static void write(Path directory, List<StageSummary> stages) {
        StringBuilder csv = new StringBuilder("stage,width,steps,seconds,mining_seconds,steps_per_second,"
                + "pairs_per_second,kept_epoch,stopped_early,start_validation,best_validation\n");
        for (StageSummary s : stages) {
            csv.append(String.format(Locale.ROOT, "%d,%d,%d,%.3f,%.3f,%.3f,%.1f,%d,%b,%s,%s%n", s.stage() + 1,
                    s.outputWidth(), s.steps(), s.seconds(), s.miningSeconds(), s.stepsPerSecond(), s.pairsPerSecond(),
                    s.keptEpoch(), s.stoppedEarly(), number(s.startValidation()), number(s.bestValidation())));
        }
        write(directory, csv.toString());
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }

    private static void write(Path directory, String csv) {
        AtomicFiles.writeString(directory.resolve(FILE_NAME), csv);
    }
}
