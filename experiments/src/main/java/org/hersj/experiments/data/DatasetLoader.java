package org.hersj.experiments.data;

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
        NpyArray array = NpyReader.read(file);
        if (!array.type().isFloat()) {
            throw new DataFormatException(file, "features are " + array.type().code()
                    + "; expected float32 or float64");
        }
        long[] shape = array.shape();
        if (shape.length != 2 || shape[0] == 0 || shape[1] == 0) {
            throw new DataFormatException(file, "features have shape " + NpyReader.shapeText(shape)
                    + "; expected a non-empty 2-D array (vectors, dimension)");
        }
        int rows = Math.toIntExact(shape[0]);
        int cols = Math.toIntExact(shape[1]);
        float[][] out = new float[rows][cols];
        long k = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i][j] = (float) array.getDouble(k++);
            }
        }
        return out;
    }
}
