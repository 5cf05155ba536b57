package org.hersj.experiments.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.hersj.experiments.reduce.ModuleReducers;

/**
 * Copies the reduction trainer's per-stage loss curves from a cached model into the run directory
 * ({@code training/<label>/loss-stage<k>-<width>d.csv}), so reports are built from the run directory alone.
 */
final class TrainingCurves {

    /** Directory of the copied curves in the run directory. */
    static final String DIR = org.hersj.experiments.report.LossPlots.DIR;

    private TrainingCurves() {
    }

    static void copy(Path modelDir, Path runDir, String label) throws IOException {
        for (Path curve : ModuleReducers.lossCurves(modelDir)) {
            Path target = runDir.resolve(DIR).resolve(label).resolve(curve.getFileName());
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Files.copy(curve, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
