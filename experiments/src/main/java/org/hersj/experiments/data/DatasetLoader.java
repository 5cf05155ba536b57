package org.hersj.experiments.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads a labelled dataset from a feature file ({@code .npy}, {@code .fvecs} or {@code .csv}, chosen by
 * extension) and a label file, checks it and L2-normalises every vector.
 */
public final class DatasetLoader {

    private DatasetLoader() {
    }

    /** Feature file formats, chosen by file extension. */
    public enum FeatureFormat {
        /** NumPy {@code .npy}, 2-D float32/float64. */
        NPY,
        /** {@code .fvecs}. */
        FVECS,
        /** Comma-separated values. */
        CSV;

        /**
         * @param file a feature file
         * @return its format, or {@code null} if the extension is not recognised
         */
        public static FeatureFormat of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".npy")) {
                return NPY;
            }
            if (name.endsWith(".fvecs")) {
                return FVECS;
            }
            return name.endsWith(".csv") ? CSV : null;
        }
    }

    /**
     * @param name     dataset name for results
     * @param features feature file
     * @param labels   label file ({@code .npy} or text)
     * @return the checked, unit-normalised dataset
     * @throws DataFormatException naming the file for any problem
     */
    public static Dataset load(String name, Path features, Path labels) {
        float[][] vectors = readFeatures(features);
        int[] labelValues = LabelReader.read(labels);
        if (labelValues.length != vectors.length) {
            throw new DataFormatException(labels, "holds " + labelValues.length + " labels but "
                    + features.getFileName() + " holds " + vectors.length + " vectors; expected one label per vector");
        }
        try {
            UnitNormalizer.normalizeRows(vectors);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(features, e.getMessage());
        }
        return new Dataset(name, vectors, labelValues);
    }

    /**
     * Reads raw (not normalised) feature vectors.
     *
     * @param file feature file
     * @return its rows
     */
    public static float[][] readFeatures(Path file) {
        FeatureFormat format = FeatureFormat.of(file);
        if (format == null) {
            throw new DataFormatException(file, "unknown feature file type; expected a name ending in .npy, .fvecs or .csv");
        }
        return switch (format) {
            case NPY -> npyMatrix(file);
            case FVECS -> FvecsReader.read(file);
            case CSV -> CsvFeatureReader.read(file);
        };
    }

    private static float[][] npyMatrix(Path file) {
        try (NpyRowStream stream = NpyRowStream.open(file)) {
            if (stream.rowCount() > Integer.MAX_VALUE - 8) {
                throw new DataFormatException(file, stream.rowCount() + " rows are too many to hold in memory;"
                        + " stream the file with NpyRowStream instead");
            }
            float[][] out = new float[(int) stream.rowCount()][stream.dimension()];
            for (float[] row : out) {
                stream.nextRaw(row);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
