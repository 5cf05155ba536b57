package org.hersj.experiments.data.synth;

import java.util.SplittableRandom;

/**
 * Draws unit vectors from the von Mises-Fisher distribution on the sphere S^(p-1) with mean direction
 * {@code mu} and concentration {@code kappa}, using Wood's (1994) rejection sampler for the component
 * {@code w} along {@code mu} and a uniformly random tangent direction for the rest.
 *
 * <p>For large {@code p} the cosine between a sample and {@code mu} concentrates near the {@code w}
 * solving {@code kappa = (p - 1) w / (1 - w^2)}; two samples of one mean then have cosine about
 * {@code w^2}. {@code kappa = 0} gives the uniform distribution.
 */
public final class VonMisesFisherSampler {

    private VonMisesFisherSampler() {
    }

    /**
     * @param mu    unit mean direction
     * @param kappa concentration, {@code >= 0}
     * @param rng   randomness source
     * @return a unit vector
     */
    public static float[] sample(float[] mu, double kappa, SplittableRandom rng) {
        if (!(kappa >= 0) || Double.isInfinite(kappa)) {
            throw new IllegalArgumentException("kappa must be finite and >= 0, got " + kappa);
        }
        int p = mu.length;
        if (p < 2) {
            throw new IllegalArgumentException("dimension must be at least 2, got " + p);
        }
        double w = sampleW(p, kappa, rng);
        double[] tangent = gaussian(p, rng);
        double along = 0;
        for (int i = 0; i < p; i++) {
            along += tangent[i] * mu[i];
        }
        double norm = 0;
        for (int i = 0; i < p; i++) {
            tangent[i] -= along * mu[i];
            norm += tangent[i] * tangent[i];
        }
        double side = Math.sqrt(Math.max(0, 1 - w * w)) / Math.sqrt(norm);
        float[] x = new float[p];
        double check = 0;
        for (int i = 0; i < p; i++) {
            double v = w * mu[i] + side * tangent[i];
            x[i] = (float) v;
            check += v * v;
        }
        float scale = (float) (1 / Math.sqrt(check));
        for (int i = 0; i < p; i++) {
            x[i] *= scale;
        }
        return x;
    }

    /**
     * @param p   dimension
     * @param rng randomness source
     * @return a vector drawn uniformly from the unit sphere
     */
    public static float[] uniform(int p, SplittableRandom rng) {
        double[] g = gaussian(p, rng);
        double norm = 0;
        for (double v : g) {
            norm += v * v;
        }
        double scale = 1 / Math.sqrt(norm);
        float[] x = new float[p];
        for (int i = 0; i < p; i++) {
            x[i] = (float) (g[i] * scale);
        }
        return x;
    }

    /** Wood's rejection sampler for the cosine {@code w} between a sample and the mean direction. */
    static double sampleW(int p, double kappa, SplittableRandom rng) {
        double m = p - 1;
        // b = (-2k + sqrt(4k^2 + m^2)) / m, written without cancellation for large kappa
        double b = m / (2 * kappa + Math.sqrt(4 * kappa * kappa + m * m));
        double x0 = (1 - b) / (1 + b);
        double c = kappa * x0 + m * Math.log(1 - x0 * x0);
        while (true) {
            double z = beta(m / 2, rng);
            double w = (1 - (1 + b) * z) / (1 - (1 - b) * z);
            double u = rng.nextDouble();
            if (kappa * w + m * Math.log(1 - x0 * w) - c >= Math.log(u)) {
                return w;
            }
        }
    }

    /** Beta(a, a) as X / (X + Y) with X, Y ~ Gamma(a). */
    private static double beta(double a, SplittableRandom rng) {
        double x = gamma(a, rng);
        double y = gamma(a, rng);
        return x / (x + y);
    }

    /** Marsaglia and Tsang's gamma sampler for shape {@code a >= 1/2} (boosted below 1). */
    private static double gamma(double a, SplittableRandom rng) {
        if (a < 1) {
            return gamma(a + 1, rng) * Math.pow(rng.nextDouble(), 1 / a);
        }
        double d = a - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double[] gaussian(int p, SplittableRandom rng) {
        double[] g = new double[p];
        for (int i = 0; i < p; i++) {
            g[i] = rng.nextGaussian();
        }
        return g;
    }
}
