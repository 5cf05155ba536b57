package org.hersj.fhe.ckks;

import java.util.List;

/**
 * Unchecked CKKS parameters as written in a configuration file; {@link CkksParameters#of} validates them.
 *
 * @param logN log2 of the ring degree N (slots = N/2)
 * @param logQ bit sizes of the ciphertext primes q_0 .. q_L; q_0 holds the result, each further prime is one
 *        rescaling (so L = logQ.size() - 1 multiplications)
 * @param logP bit sizes of the special primes P used only inside key switching; their product should be at
 *        least as large as the product of any {@code logP.size()} consecutive q's (one key-switching digit)
 * @param logScale log2 of the default encoding scale Delta
 * @param security the HomomorphicEncryption.org level that log2(QP) must satisfy
 * @param allowInsecure accept parameters outside the security table (tests with toy sizes only); a loud
 *        warning is printed to standard error when this is used
 */
public record CkksParametersLiteral(int logN, List<Integer> logQ, List<Integer> logP, int logScale,
        SecurityLevel security, boolean allowInsecure) {

    /** Copies the lists so that the record is immutable. */
    public CkksParametersLiteral {
        logQ = logQ == null ? null : List.copyOf(logQ);
        logP = logP == null ? null : List.copyOf(logP);
    }

    /** @return a canonical one-line text of the fields, used in fingerprints and messages */
    public String canonical() {
        return "logN=" + logN + ";logQ=" + logQ + ";logP=" + logP + ";logScale=" + logScale + ";security=" + security
                + ";allowInsecure=" + allowInsecure;
    }
}
