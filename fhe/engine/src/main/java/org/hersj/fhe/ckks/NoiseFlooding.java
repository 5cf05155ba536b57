package org.hersj.fhe.ckks;

import org.hersj.fhe.arith.Modulus;
import org.hersj.fhe.ring.LimbArithmetic;
import org.hersj.fhe.ring.RandomSource;

/**
 * Noise flooding of decryptions (against the IND-CPA-D attacks of Li and Micciancio: a CKKS decryption
 * shows the ciphertext's noise, and decrypted values handed back to whoever computed the ciphertext let
 * it solve for the secret key). Before decoding, a fresh rounded Gaussian of standard deviation
 * 2^{@code bits} x the estimated noise is added to every coefficient of the decrypted plaintext, so the
 * released value reveals the noise only up to a statistical distance of about 2^-{@code bits} per
 * coefficient.
 *
 * <p>The estimate is that of a rescaled ciphertext (every search score is one): the rescale's rounding,
 * r_0 + r_1 s with r_i uniform on [-1/2, 1/2] and a uniform ternary s of about 2N/3 nonzero coefficients,
 * has standard deviation sqrt((1 + 2N/3) / 12) per coefficient (15 at N = 4096, 21 at N = 8192); the
 * other noise terms of the search circuit are of the same order. The flooding then perturbs each decoded
 * real value by a Gaussian of standard deviation {@link #slotErrorStandardDeviation(double)} =
 * sigma sqrt(N/2) / scale (1.0e-5 at SEARCH_N4096, 2.5e-6 at SEARCH_N8192 with the default 12 bits);
 * a decoded value is within 6 of those of the unflooded one except with probability 2e-9.
 *
 * <p>This is a mitigation, not the 2^-lambda statistical distance of a full IND-CPA-D proof: the depth-1
 * search parameters (scale 2^38 or 2^41) cannot absorb 30 or more bits of flooding and keep scores
 * accurate to 1e-5. Not thread-safe (holds its random stream); one instance per decrypting thread.
 */
public final class NoiseFlooding {

    /** Default flooding: 2^12 times the estimated noise. */
    public static final int DEFAULT_BITS = 12;

    private final CkksParameters params;
    private final int bits;
    private final RandomSource random;
    private final double sigma;
    private final long[] noise;
    private final long[] limb;

    /**
     * @param params the parameters of the plaintexts to flood
     * @param bits flooding bits above the noise estimate, in [0, 40]
     * @param random a secure source ({@link RandomSource#secure()})
     */
    public NoiseFlooding(CkksParameters params, int bits, RandomSource random) {
        if (bits < 0 || bits > 40) {
            throw new IllegalArgumentException("noise flooding bits " + bits + " must be in [0, 40]");
        }
        this.params = params;
        this.bits = bits;
        this.random = random;
        this.sigma = Math.scalb(noiseEstimate(params), bits);
        this.noise = new long[params.ringDegree()];
        this.limb = new long[params.ringDegree()];
    }

    /** The estimated noise standard deviation per coefficient of a rescaled ciphertext of {@code params}. */
    public static double noiseEstimate(CkksParameters params) {
        return Math.sqrt((1 + 2.0 * params.ringDegree() / 3) / 12);
    }

    /** @return the flooding bits above the noise estimate */
    public int bits() {
        return bits;
    }

    /** @return the standard deviation of the added noise per coefficient */
    public double standardDeviation() {
        return sigma;
    }

    /** @return the standard deviation the flooding adds to each decoded real value at {@code scale} */
    public double slotErrorStandardDeviation(double scale) {
        return sigma * Math.sqrt(params.ringDegree() / 2.0) / scale;
    }

    /** @return a fresh copy with its own random stream (for another thread) */
    public NoiseFlooding fork() {
        return new NoiseFlooding(params, bits, random.fork());
    }

    /** Adds the flooding noise to {@code pt} (a decrypted plaintext, NTT form) at every limb of its level. */
    public void flood(Plaintext pt) {
        if (!pt.params().equals(params)) {
            throw new IllegalArgumentException("plaintext belongs to other CKKS parameters than the flooding");
        }
        for (int k = 0; k < noise.length; k++) {
            noise[k] = Math.round(sigma * random.gaussian());
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
        return "NoiseFlooding(2^" + bits + " x estimated noise, sigma " + Math.round(sigma) + " per coefficient)";
    }
}
