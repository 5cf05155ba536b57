package org.hersj.fhe.ckks;

import org.hersj.fhe.arith.Modulus;
import org.hersj.fhe.ring.LimbArithmetic;
import org.hersj.fhe.ring.RandomSource;

/**
 * Noise flooding of decryptions (against the IND-CPA-D attacks of Li and Micciancio: a CKKS decryption
 * shows the ciphertext's noise, and decrypted values handed back to whoever computed the ciphertext let
 * it solve for the secret key). Before decoding, a fresh rounded Gaussian is added to every coefficient of
 * the decrypted plaintext, sized so that every decoded value gets an error of standard deviation
 * 2^{@code bits} x the score noise of {@link ScoreNoise} (a public-key gallery's, the larger): the
 * released value then reveals the noise only up to a statistical distance of about 2^-{@code bits} per
 * coefficient, whatever the plaintext's scale (a rescaled score at scale Delta, or a degree-2 score left at
 * Delta^2, over one or two primes). A plaintext whose flooding would not fit 64-bit integers
 * ({@link #fitsScale}: more bits than 13 at Delta^2 over two primes) is refused; the key owner rescales it first.
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
    private final double[] normals;
    private final long[] limb;

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
        this.normals = new double[params.ringDegree()];
        this.limb = new long[params.ringDegree()];
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

    /** Adds the flooding noise to {@code pt} (a decrypted plaintext, NTT form) at every limb of its level. */
    public void flood(Plaintext pt) {
        if (!pt.params().equals(params)) {
            throw new IllegalArgumentException("plaintext belongs to other CKKS parameters than the flooding");
        }
        double sigma = coefficientStandardDeviation(pt.scale());
        if (!fitsScale(pt.scale())) {
            throw new IllegalArgumentException("noise flooding of 2^" + bits + " x the score noise does not fit the"
                    + " plaintext's scale (" + pt.scale() + "); use fewer bits or parameters with a larger modulus");
        }
        random.gaussians(normals);
        for (int k = 0; k < noise.length; k++) {
            noise[k] = Math.round(sigma * normals[k]);
        }
        for (int i = 0; i <= pt.level(); i++) {
            Modulus m = params.ring().modulus(i);
            for (int k = 0; k < noise.length; k++) {
                limb[k] = m.reduceSigned(noise[k]);
            }
            params.ring().ntt(i).forward(limb);
            long[] target = pt.poly().limb(i);
            LimbArithmetic.add(target, limb, target, m);
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "NoiseFlooding(2^%d x the score noise: %.2g per decoded value)", bits,
                slotSigma);
    }
}
