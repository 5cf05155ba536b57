package org.hersj.fhe.ckks;

import org.hersj.fhe.ring.RandomSource;

/**
 * Noise flooding of decryptions (against the IND-CPA-D attacks of Li and Micciancio: a CKKS decryption
 * shows the ciphertext's noise, and decrypted values handed back to whoever computed the ciphertext let
 * it solve for the secret key). While decoding, a fresh rounded Gaussian is added to every coefficient of
 * the decrypted plaintext ({@link CkksEncoder#decode(Plaintext, NoiseFlooding, double[])}), sized so that
 * every decoded value gets an error of standard deviation 2^{@code bits} x the score noise of
 * {@link ScoreNoise} (a public-key gallery's, the larger), whatever the plaintext's scale (a rescaled score
 * at scale Delta, or a degree-2 score left at Delta^2, over one or two primes). A decryption whose noise
 * vector is e is then released at a statistical distance of about |e|_2 / (sqrt(2 pi) sigma) from one
 * without it: 2^-({@code bits} + 1.3) per coefficient of noise one standard deviation, and sqrt(N) times
 * that for the N coefficients together (0.006 at N = 4096 with 12 bits). A Gaussian is used rather than a
 * cheaper uniform noise of the same variance, whose distance grows N-fold, not sqrt(N)-fold, and which
 * repeated decryptions of one ciphertext pin down at the edges of its range. The noise is added in
 * coefficient form, to the integers the decoder reconstructs after its inverse NTT, so flooding costs no
 * transform and no modular reduction of its own. A plaintext whose flooding would not fit
 * ({@link #fitsScale}: more bits than 13 at Delta^2 over two primes) is refused; the key owner rescales it
 * first.
 *
 * <p>The cost is precision: a decoded value moves by {@link #slotErrorStandardDeviation()} (1.5e-5 at
 * SEARCH_N4096 and 3.6e-6 at SEARCH_N8192 with the default 12 bits), and stays within 6 of those of the
 * unflooded one except with probability 2e-9. The one-prime LITE presets have no room for it (0.011 at
 * LITE_N4096, 0.65 at LITE_N2048 with 12 bits): {@link CkksPresets#lightestFor(double, boolean, boolean, int)}
 * counts the flooding when it chooses a preset.
 *
 * <p>This is a mitigation, not the 2^-lambda statistical distance of a full IND-CPA-D proof, which would
 * need 30 or more bits above the noise and a scale to match. Not thread-safe (holds its random stream);
 * one instance per decrypting thread.
 */
public final class NoiseFlooding {

    /** Default flooding: 2^12 times the estimated noise. */
    public static final int DEFAULT_BITS = 12;

    private final CkksParameters params;
    private final ScoreNoise model;
    private final int bits;
    private final RandomSource random;
    private final double slotSigma;
    private final long[] noise;
    private final double[] normals;

    /**
     * Flooding sized for galleries encrypted with keys made by this version ({@link ScoreNoise#of}).
     *
     * @param params the parameters of the plaintexts to flood
     * @param bits flooding bits above the noise estimate, in [0, 40]
     * @param random a secure source ({@link RandomSource#secure()})
     */
    public NoiseFlooding(CkksParameters params, int bits, RandomSource random) {
        this(params, ScoreNoise.of(params), bits, random);
    }

    /**
     * @param params the parameters of the plaintexts to flood
     * @param model the score noise to flood ({@link ScoreNoise#forPublicKey} for the key pair in use)
     * @param bits flooding bits above the noise estimate, in [0, 40]
     * @param random a secure source ({@link RandomSource#secure()}); a deterministic test stream is refused outside
     *               test runs ({@link RandomSource#requireSecureFor}): flooding drawn from a known stream hides nothing
     */
    public NoiseFlooding(CkksParameters params, ScoreNoise model, int bits, RandomSource random) {
        if (bits < 0 || bits > 40) {
            throw new IllegalArgumentException("noise flooding bits " + bits + " must be in [0, 40]");
        }
        random.requireSecureFor("noise flooding of decryptions");
        this.params = params;
        this.model = model;
        this.bits = bits;
        this.random = random;
        this.slotSigma = Math.scalb(model.scoreStd(true), bits);
        this.noise = new long[params.ringDegree()];
        this.normals = new double[params.ringDegree()];
    }

    /** @return the flooding bits above the noise estimate */
    public int bits() {
        return bits;
    }

    /** @return the standard deviation the flooding adds to each decoded value */
    public double slotErrorStandardDeviation() {
        return slotSigma;
    }

    /** @return the standard deviation of the noise added per coefficient of a plaintext at {@code scale} */
    public double coefficientStandardDeviation(double scale) {
        return slotSigma * scale / Math.sqrt(params.ringDegree() / 2.0);
    }

    /** @return a fresh copy with its own random stream (for another thread) */
    public NoiseFlooding fork() {
        return new NoiseFlooding(params, model, bits, random.fork());
    }

    /**
     * @return whether the flooding of a plaintext at {@code scale} and {@code level} fits: 8 standard deviations
     *         inside 64-bit integers, and a message coefficient of up to sqrt(2) x the scale (scores of magnitude
     *         at most 1, two per complex slot) plus 8 standard deviations below half the modulus of the level, so
     *         that the flooded value does not wrap (a degree-2 score at Delta^2 over two primes fits the default 12
     *         bits, not 20)
     */
    public boolean fitsScale(double scale, int level) {
        double sigma = coefficientStandardDeviation(scale);
        double modulus = 1;
        for (int i = 0; i <= level; i++) {
            modulus *= params.ring().modulus(i).value();
        }
        return sigma < 0x1p60 && Math.sqrt(2) * scale + 8 * sigma < modulus / 2;
    }

    /**
     * Draws fresh flooding for the decoding of {@code pt}, which {@link CkksEncoder} then adds to the plaintext's
     * coefficients ({@link #lastDraw}) once it has reconstructed them as integers from every prime: noise on the
     * plaintext's value itself, without transforming it to NTT form or reducing it modulo each prime.
     *
     * @throws IllegalArgumentException if {@code pt} has other parameters, or its flooding would not fit
     *         ({@link #fitsScale})
     */
    void drawFor(Plaintext pt) {
        if (!pt.params().equals(params)) {
            throw new IllegalArgumentException("plaintext belongs to other CKKS parameters than the flooding");
        }
        double sigma = coefficientStandardDeviation(pt.scale());
        if (!fitsScale(pt.scale(), pt.level())) {
            throw new IllegalArgumentException("noise flooding of 2^" + bits + " x the score noise does not fit the"
                    + " plaintext's scale (" + pt.scale() + "); use fewer bits or parameters with a larger modulus");
        }
        random.gaussians(normals);
        // A double holds 53 bits: where 16 sigma passes 2^53 (degree-2 scores at Delta^2: sigma ~ 2^54.5), the
        // Gaussian is rounded to a multiple of 2^g instead and the g bits below filled with a uniform integer, so the
        // noise takes every integer, not only multiples of 2^g (the decoder's doubles would hide them too, but the
        // noise itself should not depend on that); rounding and fill add 4^g / 6 to the variance, below 2^-98 sigma^2.
        int g = gridBits(sigma);
        if (g == 0) {
            for (int k = 0; k < noise.length; k++) {
                noise[k] = (long) Math.rint(sigma * normals[k]);
            }
            return;
        }
        double gridSigma = Math.scalb(sigma, -g);
        int lowBits = 64 - g;
        for (int k = 0; k < noise.length; k++) {
            noise[k] = ((long) Math.rint(gridSigma * normals[k]) << g) + (random.nextLong() >> lowBits);
        }
    }

    /**
     * @return g, the noise of standard deviation {@code sigma} is drawn on a grid of 2^g with its g low bits filled
     *         uniformly: 0 while 16 sigma fits the 53 bits of a double
     */
    static int gridBits(double sigma) {
        return Math.max(0, Math.getExponent(16 * sigma) + 1 - 53);
    }

    /**
     * @return the N integers of the last {@link #drawFor}, one per coefficient (the array itself: read it before
     *         the next draw), which the decoder adds to the coefficients reconstructed from every prime
     */
    long[] lastDraw() {
        return noise;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "NoiseFlooding(2^%d x the score noise: %.2g per decoded value)", bits,
                slotSigma);
    }
}
