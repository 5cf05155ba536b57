package org.hersj.fhe.ckks;

import org.hersj.fhe.arith.Modulus;
import org.hersj.fhe.ring.RandomSource;

/**
 * Noise flooding of decryptions (against the IND-CPA-D attacks of Li and Micciancio: a CKKS decryption
 * shows the ciphertext's noise, and decrypted values handed back to whoever computed the ciphertext let
 * it solve for the secret key). While decoding, a fresh integer drawn uniformly from [-B, B] is added to
 * every coefficient of the decrypted plaintext ({@link CkksEncoder#decode(Plaintext, NoiseFlooding, double[])}),
 * with B sized so that every decoded value gets an error of standard deviation 2^{@code bits} x the score
 * noise of {@link ScoreNoise} (a public-key gallery's, the larger), whatever the plaintext's scale (a
 * rescaled score at scale Delta, or a degree-2 score left at Delta^2, over one or two primes). By the
 * smudging lemma, a coefficient whose noise is e is released at a statistical distance of exactly
 * |e| / (2B + 1) from one without noise: about 2^-({@code bits} + 1.8) for a noise of one standard deviation
 * (B = sqrt(3) x 2^{@code bits} of them). Uniform noise states that bound exactly and costs one keystream
 * word per coefficient, where a rounded Gaussian costs a logarithm and a square root per pair; the decoded
 * values are sums of N flooded coefficients, so their error is Gaussian either way. The noise is added in
 * coefficient form, after the decoder's inverse NTT, so flooding costs no transform of its own. A
 * plaintext whose flooding would not fit 64-bit integers ({@link #fitsScale}: more bits than 13 at Delta^2
 * over two primes) is refused; the key owner rescales it first.
 *
 * <p>The cost is precision: a decoded value moves by {@link #slotErrorStandardDeviation()} (1.5e-5 at
 * SEARCH_N4096 and 3.6e-6 at SEARCH_N8192 with the default 12 bits), and stays within 6 of those of the
 * unflooded one except with probability 2e-9. The one-prime LITE presets have no room for it (0.16 at
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
     * @param random a secure source ({@link RandomSource#secure()})
     */
    public NoiseFlooding(CkksParameters params, ScoreNoise model, int bits, RandomSource random) {
        if (bits < 0 || bits > 40) {
            throw new IllegalArgumentException("noise flooding bits " + bits + " must be in [0, 40]");
        }
        this.params = params;
        this.model = model;
        this.bits = bits;
        this.random = random;
        this.slotSigma = Math.scalb(model.scoreStd(true), bits);
        this.noise = new long[params.ringDegree()];
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
     * @return whether the flooding of a plaintext at {@code scale} fits 64-bit integers with room for 8 standard
     *         deviations (a degree-2 score at Delta^2 over two primes fits the default 12 bits, not 20)
     */
    public boolean fitsScale(double scale) {
        return coefficientStandardDeviation(scale) < 0x1p60;
    }

    /**
     * Draws fresh flooding for the decoding of {@code pt}, which {@link CkksEncoder} then adds to the
     * coefficients of every limb ({@link #addTo}) before reconstructing them: the same integer noise on
     * every prime, so it is added to the plaintext's value itself, without transforming it to NTT form.
     *
     * @throws IllegalArgumentException if {@code pt} has other parameters, or its flooding would not fit
     *         ({@link #fitsScale})
     */
    void drawFor(Plaintext pt) {
        if (!pt.params().equals(params)) {
            throw new IllegalArgumentException("plaintext belongs to other CKKS parameters than the flooding");
        }
        double sigma = coefficientStandardDeviation(pt.scale());
        if (!fitsScale(pt.scale())) {
            throw new IllegalArgumentException("noise flooding of 2^" + bits + " x the score noise does not fit the"
                    + " plaintext's scale (" + pt.scale() + "); use fewer bits or parameters with a larger modulus");
        }
        long half = halfWidth(sigma);
        random.uniformBelow(noise, 2 * half + 1);
        for (int k = 0; k < noise.length; k++) {
            noise[k] -= half;
        }
    }

    /** B of the uniform [-B, B] whose variance B (B + 1) / 3 is sigma^2 (to the nearest integer B). */
    static long halfWidth(double sigma) {
        return Math.round((Math.sqrt(1 + 12 * sigma * sigma) - 1) / 2);
    }

    /** Adds the noise of the last {@link #drawFor} to {@code coefficients}, one limb in coefficient form. */
    void addTo(long[] coefficients, Modulus m) {
        for (int k = 0; k < coefficients.length; k++) {
            coefficients[k] = m.add(coefficients[k], m.reduceSigned(noise[k]));
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "NoiseFlooding(2^%d x the score noise: %.2g per decoded value)", bits,
                slotSigma);
    }
}
