package org.hersj.experiments.report;

/**
 * One row of {@code results.csv}: one (reduction method, dimension, search mode) combination.
 *
 * @param dataset           dataset name
 * @param method            reduction method
 * @param dimension         dimension searched
 * @param search            search mode
 * @param galleryIdentities enrolled identities
 * @param distractors       enrolled distractors
 * @param probes            probes searched
 * @param rank1             rank-1 identification rate
 * @param reduceMs          time to reduce gallery and probes
 * @param enrolMs           time to enrol the gallery
 * @param searchMs          time to search all probes
 * @param top1Agreement     fraction of probes whose best item equals exact plaintext search's (1 for plaintext)
 * @param maxScoreError     largest |best score - plaintext best score| over probes (0 for plaintext)
 */
public record ResultRow(String dataset, String method, int dimension, String search, int galleryIdentities,
                        int distractors, int probes, double rank1, double reduceMs, double enrolMs, double searchMs,
                        double top1Agreement, double maxScoreError) {

    /** @return search time per probe in milliseconds */
    public double msPerProbe() {
        return searchMs / probes;
    }
}
