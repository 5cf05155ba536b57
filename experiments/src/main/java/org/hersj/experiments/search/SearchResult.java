package org.hersj.experiments.search;

/**
 * The outcome of searching every probe against a gallery: for each probe the indices of the best
 * gallery items, best first, with their scores, and how long enrolment and search took.
 *
 * @param indices     {@code indices[p][r]} is the gallery row at rank {@code r + 1} for probe {@code p}
 * @param scores      {@code scores[p][r]} is its similarity score
 * @param enrolNanos  time to prepare the gallery (encoding, encryption, layout)
 * @param searchNanos time to score and rank all probes
 * @param timings     the breakdown of that time by step
 * @param twoStage    stage 1's shortlists and the full-dimension baseline of a two-stage search; null for
 *                    the other modes
 */
public record SearchResult(int[][] indices, float[][] scores, long enrolNanos, long searchNanos, SearchTimings timings,
                           TwoStageDetails twoStage) {

    /**
     * A single-stage result with a step breakdown.
     *
     * @param indices     ranked gallery rows per probe
     * @param scores      their scores
     * @param enrolNanos  gallery preparation time
     * @param searchNanos search time
     * @param timings     the breakdown by step
     */
    public SearchResult(int[][] indices, float[][] scores, long enrolNanos, long searchNanos, SearchTimings timings) {
        this(indices, scores, enrolNanos, searchNanos, timings, null);
    }

    /**
     * A result without a step breakdown (plaintext search): enrolment and search time only.
     *
     * @param indices     ranked gallery rows per probe
     * @param scores      their scores
     * @param enrolNanos  gallery preparation time
     * @param searchNanos search time
     */
    public SearchResult(int[][] indices, float[][] scores, long enrolNanos, long searchNanos) {
        this(indices, scores, enrolNanos, searchNanos, SearchTimings.plaintext(enrolNanos / 1e6, searchNanos / 1e6));
    }

    /** Checks that indices and scores agree in shape. */
    public SearchResult {
        if (indices.length != scores.length) {
            throw new IllegalArgumentException("indices and scores differ in probe count");
        }
        for (int p = 0; p < indices.length; p++) {
            if (indices[p].length != scores[p].length) {
                throw new IllegalArgumentException("probe " + p + ": indices and scores differ in length");
            }
        }
    }

    /** @return the number of probes */
    public int probeCount() {
        return indices.length;
    }
}
