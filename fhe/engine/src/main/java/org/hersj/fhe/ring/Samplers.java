package org.hersj.fhe.ring;

/**
 * Samplers of small polynomials as signed coefficients: uniform ternary {-1, 0, 1} (secrets, encryption
 * masks) and the rounded discrete Gaussian with sigma = 3.2 truncated at 6 sigma (errors), the
 * distributions the HomomorphicEncryption.org security table assumes.
 *
 * <p>The Gaussian uses a cumulative distribution table with 63-bit probabilities and always scans the whole
 * table, so its time does not depend on the value drawn.
 */
public final class Samplers {
    /** Standard deviation of the error distribution. */
    public static final double SIGMA = 3.2;
    /** Largest absolute value the error sampler returns (6 sigma, rounded). */
    public static final int GAUSSIAN_BOUND = 19;

    private static final long[] CUMULATIVE = gaussianTable();

    private Samplers() {
    }

    private static long[] gaussianTable() {
        double[] weight = new double[GAUSSIAN_BOUND + 1];
        double total = 0;
        for (int k = 0; k <= GAUSSIAN_BOUND; k++) {
            weight[k] = Math.exp(-(double) k * k / (2 * SIGMA * SIGMA)) * (k == 0 ? 1 : 2);
            total += weight[k];
        }
        // CUMULATIVE[k] = P(|x| <= k) scaled to 2^63; the last entry is the full mass.
        long[] table = new long[GAUSSIAN_BOUND + 1];
        double running = 0;
        for (int k = 0; k <= GAUSSIAN_BOUND; k++) {
            running += weight[k] / total;
            table[k] = k == GAUSSIAN_BOUND ? Long.MAX_VALUE : (long) (running * 0x1p63);
        }
        return table;
    }

    /**
     * Fills {@code out} with independent uniform values in {-1, 0, 1}.
     *
     * @param random the random stream
     * @param out destination
     */
    public static void ternary(RandomSource random, long[] out) {
        int i = 0;
        while (i < out.length) {
            long bits = random.nextLong();
            for (int k = 0; k < 32 && i < out.length; k++, bits >>>= 2) {
                int v = (int) (bits & 3);
                if (v != 3) {
                    out[i++] = v - 1;
                }
            }
        }
    }

    /**
     * Fills {@code out} with independent rounded Gaussian values (sigma {@value #SIGMA}).
     *
     * @param random the random stream
     * @param out destination
     */
    public static void gaussian(RandomSource random, long[] out) {
        for (int i = 0; i < out.length; i++) {
            long r = random.nextLong();
            long u = r >>> 1;
            long magnitude = 0;
            for (int k = 0; k < GAUSSIAN_BOUND; k++) {
                magnitude += (CUMULATIVE[k] - u) >>> 63;
            }
            long sign = -(r & 1);
            out[i] = (magnitude ^ sign) - sign;
        }
    }
}
