package org.hersj.experiments.data.synth;

import java.util.SplittableRandom;

/**
 * The fixed random nonlinear map of the {@code manifold-like} kind: a latent unit vector {@code z} goes to
 * {@code x = normalise([W2] cos(W1 z + phase))} in the ambient space, with Gaussian {@code W1}
 * (standard deviation gain / sqrt(latent)), uniform phases and optional Gaussian {@code W2}, all drawn
 * from one seed in that order (so {@code W1} and the phases do not depend on {@code mixing}); see
 * {@link ManifoldShape}. With the default shape (10-d latent, 512-d, gain 8, {@code W2}) ambient cosines
 * are a smooth, Gaussian-kernel-like function of latent distance whose variance is spread over many linear
 * directions: a 16-d nonlinear map of the latent coordinates keeps every identity's neighbourhood, no 16-d
 * linear map does (PCA at 16-d keeps about 60 % of the full rank-1).
 */
final class ManifoldMap {

    /** Seed of the map itself: the same manifold for every dataset seed. */
    static final long SEED = 0x4D414E49L;

    private final float[][] w1;
    private final float[] phase;
    private final float[][] w2;

    /**
     * @param shape latent and ambient dimension, gain, mixing
     * @param rng   the map's own seeded source
     */
    ManifoldMap(ManifoldShape shape, SplittableRandom rng) {
        int latent = shape.latentDimension();
        int dimension = shape.dimension();
        w1 = gaussian(latent, dimension, shape.gain() / Math.sqrt(latent), rng);
        phase = new float[dimension];
        for (int j = 0; j < dimension; j++) {
            phase[j] = (float) (2 * Math.PI * rng.nextDouble());
        }
        w2 = shape.mixing() ? gaussian(dimension, dimension, 1 / Math.sqrt(dimension), rng) : null;
    }

    /**
     * @param z a latent unit vector of the shape's latent dimension
     * @return its unit image in the ambient space
     */
    float[] apply(float[] z) {
        int d = phase.length;
        double[] h = new double[d];
        for (int j = 0; j < d; j++) {
            double u = phase[j];
            for (int i = 0; i < w1.length; i++) {
                u += z[i] * w1[i][j];
            }
            h[j] = Math.cos(u);
        }
        double[] x = w2 == null ? h : mixed(h);
        double norm = 0;
        for (double v : x) {
            norm += v * v;
        }
        double scale = 1 / Math.sqrt(norm);
        float[] out = new float[d];
        for (int j = 0; j < d; j++) {
            out[j] = (float) (x[j] * scale);
        }
        return out;
    }

    private double[] mixed(double[] h) {
        int d = h.length;
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            float[] row = w2[i];
            double hi = h[i];
            for (int j = 0; j < d; j++) {
                x[j] += hi * row[j];
            }
        }
        return x;
    }

    private static float[][] gaussian(int n, int m, double scale, SplittableRandom rng) {
        float[][] a = new float[n][m];
        for (float[] row : a) {
            for (int j = 0; j < m; j++) {
                row[j] = (float) (scale * rng.nextGaussian());
            }
        }
        return a;
    }
}
