package org.hersj.experiments.cli;

import java.nio.file.Path;
import org.hersj.experiments.data.DataFormatException;
import org.hersj.experiments.data.DatasetLoader;
import org.hersj.experiments.data.UnitNormalizer;

/**
 * Reads the feature files the search roles take ({@code .npy}, {@code .fvecs} or {@code .csv}) as
 * unit-normalised rows, so encrypted scores are cosine similarities.
 */
final class FeatureFiles {

    private FeatureFiles() {
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
     * @param file a feature file
     * @param row  0-based row index
     * @return that row, unit-normalised
     * @throws IllegalArgumentException naming the file if the row does not exist
     */
    static float[] row(Path file, int row) {
        float[][] rows = readNormalized(file);
        if (row < 0 || row >= rows.length) {
            throw new IllegalArgumentException("--row " + row + " is out of range: " + file + " holds " + rows.length
                    + " rows (0.." + (rows.length - 1) + ")");
        }
        return rows[row];
    }
}
