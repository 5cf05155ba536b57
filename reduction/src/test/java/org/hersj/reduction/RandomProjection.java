package org.hersj.reduction;

import java.util.SplittableRandom;
import org.hersj.reduction.core.UnitVectors;

/** Test baseline: a Gaussian random projection followed by L2 normalisation. */
public final class RandomProjection {

    private RandomProjection() {
    }

    /**
     * @param rows   unit rows
     * @param outDim output width
     * @param seed   seed of the projection matrix
     * @return the projected, normalised rows
     */
    public static float[][] project(float[][] rows, int outDim, long seed) {
        int d = rows[0].length;
        SplittableRandom r = new SplittableRandom(seed);
        double[][] m = new double[d][outDim];
        for (double[] row : m) {
            for (int k = 0; k < outDim; k++) {
                row[k] = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            }
        }
        float[][] out = new float[rows.length][outDim];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < outDim; k++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += rows[i][j] * m[j][k];
                }
                out[i][k] = (float) s;
            }
            out[i] = UnitVectors.normalisedRow(out[i], outDim, "projection", i);
        }
        return out;
    }
}
