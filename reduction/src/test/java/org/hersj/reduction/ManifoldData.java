package org.hersj.reduction;

import java.util.SplittableRandom;

/**
 * Test data with a known low intrinsic dimension that no linear map keeps: identity centres uniform on
 * the unit sphere of a small latent space, samples as normalised centre + Gaussian noise there, mapped
 * into the ambient space by a fixed random feature map {@code x = normalise(W2 cos(W1 z + phase))}.
 * Cosines in the ambient space are a smooth (Gaussian-kernel-like) function of latent distances, spread
 * over many linear directions, so PCA at a few dimensions loses much of them while a nonlinear map of the
 * latent coordinates would keep the neighbourhoods.
 */
public final class ManifoldData {

    /** The rows. */
    public final float[][] rows;
    /** One identity label per row. */
    public final int[] labels;

    private ManifoldData(float[][] rows, int[] labels) {
        this.rows = rows;
        this.labels = labels;
    }

    /**
     * @param dims        ambient dimension (also the hidden width of the map)
     * @param latent      latent dimension
     * @param gain        scale of the first layer (higher = more curved)
     * @param identities  number of identities
     * @param perIdentity samples per identity
     * @param noise       latent noise relative to 1/sqrt(latent)
     * @param seed        seed of the map and of the samples
     * @return the data set
     */
    public static ManifoldData generate(int dims, int latent, double gain, int identities, int perIdentity,
                                        double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] w1 = gaussian(latent, dims, gain / Math.sqrt(latent), random);
        double[] phase = new double[dims];
        for (int j = 0; j < dims; j++) {
            phase[j] = 2 * Math.PI * random.nextDouble();
        }
        double[][] w2 = gaussian(dims, dims, 1 / Math.sqrt(dims), random);
        float[][] rows = new float[identities * perIdentity][];
        int[] labels = new int[rows.length];
        for (int id = 0; id < identities; id++) {
            double[] centre = unit(gaussian(1, latent, 1, random)[0]);
            for (int k = 0; k < perIdentity; k++) {
                double[] z = new double[latent];
                for (int i = 0; i < latent; i++) {
                    z[i] = centre[i] + noise / Math.sqrt(latent) * random.nextGaussian();
                }
                z = unit(z);
                double[] h = new double[dims];
                for (int j = 0; j < dims; j++) {
                    double u = phase[j];
                    for (int i = 0; i < latent; i++) {
                        u += z[i] * w1[i][j];
                    }
                    h[j] = Math.cos(u);
                }
                double[] x = new double[dims];
                for (int i = 0; i < dims; i++) {
                    for (int j = 0; j < dims; j++) {
                        x[j] += h[i] * w2[i][j];
                    }
                }
                x = unit(x);
                float[] row = new float[dims];
                for (int j = 0; j < dims; j++) {
                    row[j] = (float) x[j];
                }
                rows[id * perIdentity + k] = row;
                labels[id * perIdentity + k] = id;
            }
        }
        return new ManifoldData(rows, labels);
    }

    private static double[][] gaussian(int n, int m, double scale, SplittableRandom random) {
        double[][] a = new double[n][m];
        for (double[] row : a) {
            for (int j = 0; j < m; j++) {
                row[j] = scale * random.nextGaussian();
            }
        }
        return a;
    }

    private static double[] unit(double[] x) {
        double n = 0;
        for (double v : x) {
            n += v * v;
        }
        n = Math.sqrt(n);
        for (int j = 0; j < x.length; j++) {
            x[j] /= n;
        }
        return x;
    }
}
