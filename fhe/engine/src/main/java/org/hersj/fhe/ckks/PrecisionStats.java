package org.hersj.fhe.ckks;

/**
 * Accuracy of a decrypted result against the expected plaintext values: absolute errors and the bits of
 * precision they correspond to (bits = -log2(error); 20 bits means an error below about 1e-6).
 *
 * @param maxAbsError largest |expected - actual|
 * @param meanAbsError mean |expected - actual|
 * @param minBits -log2(maxAbsError) (the worst slot)
 * @param meanBits -log2(meanAbsError)
 */
public record PrecisionStats(double maxAbsError, double meanAbsError, double minBits, double meanBits) {

    /**
     * Compares the first {@code expected.length} values of {@code actual} with {@code expected}.
     *
     * @param expected plaintext reference values
     * @param actual decoded values (at least as many)
     * @return the statistics; bits are capped at 64 when the error is exactly zero
     */
    public static PrecisionStats of(double[] expected, double[] actual) {
        if (expected.length == 0) {
            throw new IllegalArgumentException("no expected values to compare");
        }
        if (actual.length < expected.length) {
            throw new IllegalArgumentException("only " + actual.length + " actual values for " + expected.length
                    + " expected ones");
        }
        double max = 0;
        double sum = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = Math.abs(expected[i] - actual[i]);
            if (Double.isNaN(e)) {
                e = Double.POSITIVE_INFINITY;
            }
            max = Math.max(max, e);
            sum += e;
        }
        double mean = sum / expected.length;
        return new PrecisionStats(max, mean, bits(max), bits(mean));
    }

    private static double bits(double error) {
        return error == 0 ? 64 : Math.min(64, -Math.log(error) / Math.log(2));
    }

    @Override
    public String toString() {
        return String.format("PrecisionStats(max=%.3e, mean=%.3e, minBits=%.2f, meanBits=%.2f)", maxAbsError,
                meanAbsError, minBits, meanBits);
    }
}
