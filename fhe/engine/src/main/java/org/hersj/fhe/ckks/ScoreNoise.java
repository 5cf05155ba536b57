package org.hersj.fhe.ckks;

/**
 * The noise model of a search score: the standard deviation of the error of one decoded inner product of
 * unit vectors, sum_t g_t p_t, computed as in the HERS layout (gallery ciphertexts times probe ciphertexts,
 * accumulated), from the fresh noise of both operands. Noise flooding is sized from it
 * ({@link NoiseFlooding}), and the preset choice counts the flooding it implies
 * ({@link CkksPresets#lightestFor(double, boolean, boolean, int)}).
 *
 * <p>With errors eps_g and eps_p per slot and unit vectors, the error sum_t (g_t eps_p,t + p_t eps_g,t) has
 * variance sigma_p^2 + sigma_g^2, whatever the dimension. A fresh ciphertext with coefficient noise of
 * standard deviation c has slot errors of standard deviation c sqrt(N/2) / scale (each half of a complex
 * slot). Coefficient noise (sigma = 3.2, ternary s and u with 2N/3 nonzero coefficients):
 * <ul>
 * <li>secret-key encryption (the key owner's probes and galleries): sigma;</li>
 * <li>public-key encryption over Q: u e + e_0 + e_1 s, sigma sqrt(4N/3 + 1);</li>
 * <li>public-key encryption over QP then divided by P ({@link PublicKey#extended()}, presets with a special
 * prime): the rounding r_0 + r_1 s, sqrt((1 + 2N/3) / 12), plus the former divided by P;</li>
 * <li>a server rescale (the relinearised score form) adds that rounding once more, at the score's scale.</li>
 * </ul>
 * The model is that of the HERS layout; the layouts with rotations (Boddeti 2018, packed) add key-switching
 * noise it does not count. {@code ScoreNoiseTest} checks it against measured errors. Immutable.
 */
public final class ScoreNoise {
    /** Standard deviation of the Gaussian errors ({@code PolySampler}). */
    static final double SIGMA = 3.2;

    private final int ringDegree;
    private final double scale;
    private final double specialPrimes;
    private final boolean rescaled;

    private ScoreNoise(int ringDegree, double scale, double specialPrimes, boolean rescaled) {
        this.ringDegree = ringDegree;
        this.scale = scale;
        this.specialPrimes = specialPrimes;
        this.rescaled = rescaled;
    }

    /** @return the model for {@code params} (public keys extended over P when the parameters have special primes) */
    public static ScoreNoise of(CkksParameters params) {
        return of(params.literal());
    }

    /** @return the model for unchecked parameters (for choosing a preset without building its tables) */
    public static ScoreNoise of(CkksParametersLiteral literal) {
        ScoreNoise overQ = of(1 << literal.logN(), literal.logScale(), literal.logQ().size() > 1);
        int pBits = literal.logP().stream().mapToInt(Integer::intValue).sum();
        return new ScoreNoise(overQ.ringDegree, overQ.scale, Math.scalb(1.0, pBits), overQ.rescaled);
    }

    /**
     * The model for parameters given by their shape only, as another engine reports them: public-key
     * encryption over Q (no special primes).
     *
     * @param ringDegree N
     * @param scaleBits log2 of the scale
     * @param hasRescalePrime whether a prime is left to rescale the score by (more than one prime in Q)
     * @return the model
     */
    public static ScoreNoise of(int ringDegree, int scaleBits, boolean hasRescalePrime) {
        return new ScoreNoise(ringDegree, Math.scalb(1.0, scaleBits), 1, hasRescalePrime);
    }

    /**
     * @return this model for galleries encrypted with {@code publicKey}: a key made over Q only (by HERS-J
     *         0.1.0, or for parameters without special primes) encrypts with the larger noise over Q
     */
    public ScoreNoise forPublicKey(PublicKey publicKey) {
        return publicKey.extended() ? this : encryptingOverQ();
    }

    /** @return this model for public-key encryption over Q only (another engine's, or keys of HERS-J 0.1.0) */
    public ScoreNoise encryptingOverQ() {
        return new ScoreNoise(ringDegree, scale, 1, rescaled);
    }

    /** @return the coefficient noise of a secret-key encryption */
    public double secretKeyCoefficientStd() {
        return SIGMA;
    }

    /** @return the coefficient noise of a public-key encryption (divided by P when there are special primes) */
    public double publicKeyCoefficientStd() {
        double overQ = SIGMA * Math.sqrt(4.0 * ringDegree / 3 + 1);
        if (specialPrimes == 1) {
            return overQ;
        }
        double over = overQ / specialPrimes;
        return Math.sqrt(roundingVariance() + over * over);
    }

    /** @return the standard deviation of the error one slot half shows for coefficient noise {@code coefficientStd} */
    public double slotStd(double coefficientStd) {
        return coefficientStd * Math.sqrt(ringDegree / 2.0) / scale;
    }

    /**
     * The standard deviation of a score's error: a probe the key owner encrypted, times a gallery encrypted
     * with the public key ({@code publicKeyGallery}) or the secret key, plus a rescale's rounding when the
     * parameters have a prime to rescale by (counted whether or not the score form rescales: an upper bound).
     */
    public double scoreStd(boolean publicKeyGallery) {
        return scoreStd(publicKeyGallery, false);
    }

    /**
     * As {@link #scoreStd(boolean)}, with the probe encrypted with the public key too when
     * {@code publicKeyProbe} (engines whose key owner encrypts with the public key, as OpenFHE's here).
     */
    public double scoreStd(boolean publicKeyGallery, boolean publicKeyProbe) {
        double probe = slotStd(publicKeyProbe ? publicKeyCoefficientStd() : secretKeyCoefficientStd());
        double gallery = slotStd(publicKeyGallery ? publicKeyCoefficientStd() : secretKeyCoefficientStd());
        double rescale = rescaled ? slotStd(Math.sqrt(roundingVariance())) : 0;
        return Math.sqrt(probe * probe + gallery * gallery + rescale * rescale);
    }

    private double roundingVariance() {
        return (1 + 2.0 * ringDegree / 3) / 12;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "ScoreNoise(N=%d, score std %.2g public-key gallery, %.2g key-owner gallery)",
                ringDegree, scoreStd(true), scoreStd(false));
    }
}
