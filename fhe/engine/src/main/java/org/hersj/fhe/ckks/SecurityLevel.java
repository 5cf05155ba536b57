package org.hersj.fhe.ckks;

/**
 * Classical security levels of the HomomorphicEncryption.org standard (Albrecht et al., "Homomorphic
 * Encryption Security Standard", 2018, table for uniform ternary secrets and error sigma 3.2), with the
 * largest admissible log2(QP) for each ring degree N = 2^10 .. 2^15.
 */
public enum SecurityLevel {
    /** 128-bit classical security. */
    BITS_128(new int[] {27, 54, 109, 218, 438, 881}),
    /** 192-bit classical security. */
    BITS_192(new int[] {19, 37, 75, 152, 305, 611}),
    /** 256-bit classical security. */
    BITS_256(new int[] {14, 29, 58, 118, 237, 476});

    /** Smallest log2 N in the standard's table. */
    public static final int MIN_TABLE_LOG_N = 10;
    /** Largest log2 N in the standard's table. */
    public static final int MAX_TABLE_LOG_N = 15;

    private final int[] maxLogQP;

    SecurityLevel(int[] maxLogQP) {
        this.maxLogQP = maxLogQP;
    }

    /**
     * @param logN log2 of the ring degree
     * @return the largest total bit size of Q*P the standard allows at this level, or -1 if N is not in the
     *         table (then no modulus is secure)
     */
    public int maxLogQP(int logN) {
        if (logN < MIN_TABLE_LOG_N || logN > MAX_TABLE_LOG_N) {
            return -1;
        }
        return maxLogQP[logN - MIN_TABLE_LOG_N];
    }
}
