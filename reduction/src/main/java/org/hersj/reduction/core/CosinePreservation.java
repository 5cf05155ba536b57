package org.hersj.reduction.core;

/**
 * How well a reduction preserves cosine similarity: the mean over all pairs i < j of
 * |cos(x_i, x_j) - cos(y_i, y_j)| where y is the reduced form of x.
 */
public final class CosinePreservation {

    private CosinePreservation() {
    }

    /**
     * @param original rows before reduction (unit rows)
     * @param reduced  the same rows after reduction (unit rows), in the same order
     * @return the mean absolute cosine error over all pairs of distinct rows
     */
    public static double meanAbsoluteError(float[][] original, float[][] reduced) {
        if (original.length != reduced.length || original.length < 2) {
            throw new IllegalArgumentException("need the same number (>= 2) of original and reduced rows, got "
                    + original.length + " and " + reduced.length);
        }
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < original.length; i++) {
            for (int j = i + 1; j < original.length; j++) {
                sum += Math.abs(UnitVectors.dot(original[i], original[j]) - UnitVectors.dot(reduced[i], reduced[j]));
                pairs++;
            }
        }
        return sum / pairs;
    }
}
