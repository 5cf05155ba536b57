package org.hersj.experiments.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.hersj.experiments.data.DataFormatException;
import org.hersj.experiments.data.DatasetLoader;
import org.hersj.experiments.data.DatasetLoader.FeatureFormat;
import org.hersj.experiments.data.NpyRowStream;
import org.hersj.experiments.data.UnitNormalizer;
import org.hersj.experiments.progress.Progress;
import org.hersj.fhe.search.enroll.RowSource;

/**
 * Reads the feature files the search roles take ({@code .npy}, {@code .fvecs} or {@code .csv}) as
 * unit-normalised rows, so encrypted scores are cosine similarities. {@code .npy} files are streamed
 * (any size); the other formats are loaded in memory.
 */
final class FeatureFiles {

    private static final String CHECK_TASK = "check rows";
    /** Progress is reported every 65,536 rows. */
    private static final long CHECK_REPORT_MASK = (1 << 16) - 1;

    private FeatureFiles() {
    }

    /**
     * Checks that an input file given on the command line exists and is a readable regular file.
     *
     * @param option the option that named it, e.g. {@code --features}
     * @param file   the path given
     * @throws IllegalArgumentException saying which of these it is not
     */
    static void requireFile(String option, Path file) {
        if (java.nio.file.Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + " is a directory; give the file itself");
        }
        if (!java.nio.file.Files.exists(file)) {
            throw new IllegalArgumentException(option + " " + file + " does not exist");
        }
        if (!java.nio.file.Files.isReadable(file)) {
            throw new IllegalArgumentException(option + " " + file + ": permission denied (the file is not readable)");
        }
    }

    /**
     * @param file a feature file
     * @return its rows, each scaled to unit length
     * @throws DataFormatException naming the file and row if a row is zero or not finite
     */
    static float[][] readNormalized(Path file) {
        float[][] rows = DatasetLoader.readFeatures(file);
        try {
            UnitNormalizer.normalizeRows(rows);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, e.getMessage());
        }
        return rows;
    }

    /**
     * Opens a feature file as a source of unit-normalised rows: a {@code .npy} file is streamed from disk with
     * bounded memory, other formats are read into memory first.
     *
     * @param file a feature file
     * @return a source the caller closes
     * @throws DataFormatException naming the file if it cannot be used
     * @throws IOException         if it cannot be read
     */
    static RowSource openRows(Path file) throws IOException {
        if (FeatureFormat.of(file) == FeatureFormat.NPY) {
            return new NpyRowSource(NpyRowStream.open(file));
        }
        return RowSource.of(readNormalized(file));
    }

    /**
     * Opens a gallery's feature file for enrollment: like {@link #openRows}, but a streamed {@code .npy} file is
     * first read through once, so a zero or non-finite row is refused before any block is encrypted (a gallery
     * half-enrolled from a file that is then corrected would otherwise resume with the wrong rows).
     *
     * @param file     a feature file
     * @param progress receives the progress of the check
     * @return a source the caller closes
     * @throws DataFormatException naming the file and row if it cannot be used
     * @throws IOException         if it cannot be read
     */
    static RowSource openGallery(Path file, Progress progress) throws IOException {
        if (FeatureFormat.of(file) == FeatureFormat.NPY) {
            try (NpyRowStream stream = NpyRowStream.open(file)) {
                float[] row = new float[stream.dimension()];
                long total = stream.rowCount();
                for (long i = 0; i < total; i++) {
                    stream.next(row);
                    if ((i & CHECK_REPORT_MASK) == 0) {
                        progress.update(CHECK_TASK, i, total);
                    }
                }
                progress.update(CHECK_TASK, total, total);
                progress.finish(CHECK_TASK);
            }
        }
        return openRows(file);
    }

    /**
     * @param file a feature file
     * @param row  0-based row index
     * @return that row, unit-normalised
     * @throws IllegalArgumentException naming the file if the row does not exist
     * @throws IOException              if the file cannot be read
     */
    static float[] row(Path file, int row) throws IOException {
        try (RowSource rows = openRows(file)) {
            if (row < 0 || row >= rows.rowCount()) {
                throw new IllegalArgumentException("--row " + row + " is out of range: " + file + " holds "
                        + rows.rowCount() + " rows (0.." + (rows.rowCount() - 1) + ")");
            }
            rows.skip(row);
            float[] out = new float[rows.dimension()];
            rows.next(out);
            return out;
        }
    }
}
