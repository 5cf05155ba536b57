package org.hersj.reduction;

import java.util.SplittableRandom;

/**
 * Test data: identities as random centres on the unit sphere, samples as normalised centre + Gaussian
 * noise. The centres can be confined to a random subspace ({@code intrinsicDims}) so the data has a
 * low intrinsic dimension, like face embeddings.
 */
public final class ClusteredSphereData {

    /** The rows. */
    public final float[][] rows;
    /** One identity label per row. */
    public final int[] labels;

    private ClusteredSphereData(float[][] rows, int[] labels) {
        this.rows = rows;
        this.labels = labels;
    }

    /**
     * @param dims          ambient dimension
     * @param intrinsicDims dimension of the subspace holding the centres (<= dims)
     * @param identities    number of identities
     * @param perIdentity   samples per identity
     * @param noise         per-coordinate noise standard deviation relative to 1/sqrt(dims)
     * @param seed          seed
     * @return the data set
     */
    public static ClusteredSphereData generate(int dims, int intrinsicDims, int identities, int perIdentity,
                                               double noise, long seed) {
        return generate(dims, intrinsicDims, identities, perIdentity, noise, 0, seed);
    }

    /**
     * Like {@link #generate(int, int, int, int, double, long)} with a per-sample noise level drawn
     * uniformly from {@code noise * (1 +- qualitySpread)}, mimicking samples of varying quality.
     *
     * @param dims          ambient dimension
     * @param intrinsicDims dimension of the subspace holding the centres (<= dims)
     * @param identities    number of identities
     * @param perIdentity   samples per identity
     * @param noise         mean noise level relative to 1/sqrt(dims)
     * @param qualitySpread relative spread of the per-sample noise level, in [0, 1)
     * @param seed          seed
     * @return the data set
     */
    public static ClusteredSphereData generate(int dims, int intrinsicDims, int identities, int perIdentity,
                                               double noise, double qualitySpread, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] basis = new double[intrinsicDims][dims];
        for (double[] b : basis) {
            for (int j = 0; j < dims; j++) {
                b[j] = gaussian(random);
            }
        }
        float[][] rows = new float[identities * perIdentity][];
        int[] labels = new int[rows.length];
        for (int id = 0; id < identities; id++) {
            double[] centre = new double[dims];
            for (double[] b : basis) {
                double c = gaussian(random);
                for (int j = 0; j < dims; j++) {
                    centre[j] += c * b[j];
                }
            }
            normalise(centre);
            for (int k = 0; k < perIdentity; k++) {
                double sigma = noise * (1 + qualitySpread * (2 * random.nextDouble() - 1)) / Math.sqrt(dims);
                double[] x = new double[dims];
                for (int j = 0; j < dims; j++) {
                    x[j] = centre[j] + sigma * gaussian(random);
                }
                normalise(x);
                float[] row = new float[dims];
                for (int j = 0; j < dims; j++) {
                    row[j] = (float) x[j];
                }
                rows[id * perIdentity + k] = row;
                labels[id * perIdentity + k] = id;
            }
        }
        return new ClusteredSphereData(rows, labels);
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    private static void normalise(double[] x) {
        double n = 0;
        for (double v : x) {
            n += v * v;
        }
        n = Math.sqrt(n);
        for (int j = 0; j < x.length; j++) {
            x[j] /= n;
        }
    }
}
