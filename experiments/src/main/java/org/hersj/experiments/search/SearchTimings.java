package org.hersj.experiments.search;

/**
 * Where the time of one search went, in milliseconds (thread wall time of each step, summed over probes).
 * Plaintext search fills {@code enrolMs} (layout) and {@code scoringMs} + {@code rankMs} only.
 *
 * @param keygenMs       key generation (0 when the keys of a cached gallery were reused)
 * @param enrolMs        gallery encoding and encryption (0 when a cached gallery was reused)
 * @param probeEncryptMs probe encryption
 * @param scoringMs      the server's scoring of every probe against the gallery
 * @param decryptMs      decryption of the scores
 * @param rankMs         ranking of the decrypted scores (top-k)
 * @param galleryReused  whether keys and encrypted gallery came from the stage cache
 */
public record SearchTimings(double keygenMs, double enrolMs, double probeEncryptMs, double scoringMs,
                            double decryptMs, double rankMs, boolean galleryReused) {

    /**
     * @param enrolMs  gallery preparation
     * @param searchMs scoring and ranking together
     * @return the timings of a plaintext search
     */
    public static SearchTimings plaintext(double enrolMs, double searchMs) {
        return new SearchTimings(0, enrolMs, 0, searchMs, 0, 0, false);
    }
}
