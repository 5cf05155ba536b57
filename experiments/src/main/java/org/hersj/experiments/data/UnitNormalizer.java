package org.hersj.experiments.data;

/**
 * Scales vectors to unit Euclidean length, so that inner products are cosine similarities.
 */
public final class UnitNormalizer {

    private UnitNormalizer() {
    }

    /**
     * Normalises every row in place.
     *
     * @param rows vectors to normalise
     * @throws IllegalArgumentException naming the row if a row is zero or not finite
     */
    public static void normalizeRows(float[][] rows) {
        for (int i = 0; i < rows.length; i++) {
            normalize(rows[i], i);
        }
    }

    /**
     * Normalises one row in place.
     *
     * @param row   the vector to normalise
     * @param index its 0-based row index, for the message
     * @throws IllegalArgumentException naming the row if it is zero or not finite
     */
    public static void normalize(float[] row, long index) {
        double squared = 0;
        for (int j = 0; j < row.length; j++) {
            float v = row[j];
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("row " + index + ", column " + j + " is " + v
                        + "; every value must be a finite number");
            }
            squared += (double) v * v;
        }
        if (squared == 0) {
            throw new IllegalArgumentException("row " + index
                    + " is a zero vector, which has no direction; remove it or fix the extractor");
        }
        double scale = 1.0 / Math.sqrt(squared);
        for (int j = 0; j < row.length; j++) {
            row[j] = (float) (row[j] * scale);
        }
    }
}
