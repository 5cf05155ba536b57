package org.hersj.experiments.data.synth;

/**
 * The shape of the {@code manifold-like} kind's map {@code x = normalise([W2] cos(W1 z + phase))}: a latent
 * unit vector {@code z} of {@code latentDimension} coordinates (the sphere S^(latentDimension - 1), so the
 * manifold's intrinsic dimension is {@code latentDimension - 1}) goes into {@code dimension} ambient
 * coordinates; {@code W1} has entries {@code N(0, (gain / sqrt(latentDimension))^2)}, so the first-layer
 * pre-activations of a unit {@code z} have standard deviation {@code gain / sqrt(latentDimension)}; the
 * square Gaussian mixing layer {@code W2} is optional. {@link #DEFAULT} is the map every config used before
 * these settings existed.
 *
 * @param latentDimension coordinates of the latent unit vector, {@value #MIN_LATENT} to {@value #MAX_LATENT}
 *                        and below {@code dimension}
 * @param dimension       ambient (and hidden) dimension, up to {@value #MAX_DIMENSION}
 * @param gain            scale of the first layer, {@code 0 < gain <= }{@value #MAX_GAIN}: the higher, the
 *                        more curved the manifold
 * @param mixing          whether the square Gaussian layer {@code W2} mixes the hidden units
 */
public record ManifoldShape(int latentDimension, int dimension, double gain, boolean mixing) {

    /** Smallest latent dimension (the circle S^1). */
    public static final int MIN_LATENT = 2;
    /** Largest latent dimension. */
    public static final int MAX_LATENT = 64;
    /** Largest ambient dimension ({@code W2} holds its square in floats). */
    public static final int MAX_DIMENSION = 4096;
    /** Largest gain. */
    public static final double MAX_GAIN = 100;

    /** Today's map: 10-d latent (S^9), 512-d, gain 8, with {@code W2}. */
    public static final ManifoldShape DEFAULT =
            new ManifoldShape(10, SyntheticKind.MANIFOLD_LIKE.dimension(), 8.0, true);

    /**
     * Checks the ranges documented on the components.
     *
     * @throws SyntheticValueException naming the first setting out of range
     */
    public ManifoldShape {
        if (latentDimension < MIN_LATENT || latentDimension > MAX_LATENT) {
            throw new SyntheticValueException("latentDimension", "is " + latentDimension + "; expected an integer from "
                    + MIN_LATENT + " to " + MAX_LATENT);
        }
        if (dimension <= latentDimension || dimension > MAX_DIMENSION) {
            throw new SyntheticValueException("dimension", "is " + dimension + "; expected an integer from "
                    + (latentDimension + 1) + " (above latentDimension " + latentDimension + ") to " + MAX_DIMENSION);
        }
        if (!(gain > 0 && gain <= MAX_GAIN)) {
            throw new SyntheticValueException("gain", "is " + gain + "; expected a number > 0 and <= " + MAX_GAIN);
        }
    }
}
