package org.hersj.reduction.core;

/** Checks and L2-normalises rows of float vectors; the one place where rows are normalised. */
public final class UnitVectors {

    private UnitVectors() {
    }

    /**
     * Returns an L2-normalised copy of {@code rows}.
     *
     * @param rows      the input rows
     * @param dimension the width every row must have
     * @param what      names the input in error messages (e.g. "training data")
     * @return normalised copies of the rows
     * @throws IllegalArgumentException naming the first row that has the wrong width, is zero or is not finite
     */
    public static float[][] normalisedCopy(float[][] rows, int dimension, String what) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = normalisedRow(rows[i], dimension, what, i);
        }
        return out;
    }

    /**
     * Returns an L2-normalised copy of one row.
     *
     * @param row       the row
     * @param dimension its expected width
     * @param what      names the input in error messages
     * @param index     the row's index, for error messages
     * @return the normalised copy
     */
    public static float[] normalisedRow(float[] row, int dimension, String what, long index) {
        if (row == null || row.length != dimension) {
            throw new IllegalArgumentException(what + ": row " + index + " has "
                    + (row == null ? "no values" : row.length + " values") + ", expected " + dimension);
        }
        double norm2 = 0;
        for (float v : row) {
            norm2 += (double) v * v;
        }
        if (!(norm2 > 0) || Double.isInfinite(norm2)) {
            throw new IllegalArgumentException(what + ": row " + index
                    + " is zero or not finite and cannot be normalised; remove it or fix the feature file");
        }
        double inv = 1.0 / Math.sqrt(norm2);
        float[] out = new float[dimension];
        for (int j = 0; j < dimension; j++) {
            out[j] = (float) (row[j] * inv);
        }
        return out;
    }

    /**
     * @param a a row
     * @param b a row of the same width
     * @return the inner product, accumulated in double
     */
    public static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
