package org.hersj.experiments.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads feature vectors from a CSV file: one vector per line, values separated by commas. A first line
 * that is not numeric is taken as a header and skipped; blank lines are ignored.
 */
public final class CsvFeatureReader {

    private CsvFeatureReader() {
    }

    /**
     * @param file the file to read
     * @return one row per data line
     * @throws DataFormatException naming the line if a value is not a number or a line has the wrong
     *                             number of values
     */
    public static float[][] read(Path file) {
        List<float[]> rows = new ArrayList<>();
        int dimension = -1;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (lineNumber == 1 && !isNumber(fields[0].trim())) {
                    continue;
                }
                if (dimension < 0) {
                    dimension = fields.length;
                } else if (fields.length != dimension) {
                    throw new DataFormatException(file, "line " + lineNumber + " has " + fields.length
                            + " values but the first data line has " + dimension
                            + "; all vectors must have the same dimension");
                }
                float[] row = new float[fields.length];
                for (int j = 0; j < fields.length; j++) {
                    try {
                        row[j] = Float.parseFloat(fields[j].trim());
                    } catch (NumberFormatException e) {
                        throw new DataFormatException(file, "line " + lineNumber + ", column " + (j + 1)
                                + ": '" + fields[j].trim() + "' is not a number");
                    }
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new DataFormatException(file, "the file holds no vectors");
        }
        return rows.toArray(new float[0][]);
    }

    private static boolean isNumber(String text) {
        try {
            Float.parseFloat(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
