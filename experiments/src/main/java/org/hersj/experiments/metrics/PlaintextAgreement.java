package org.hersj.experiments.metrics;

/**
 * How closely a search mode (e.g. encrypted) reproduces exact plaintext search on the same vectors.
 *
 * @param top1Agreement     fraction of probes whose best gallery item is the plaintext one
 * @param maxTop1ScoreError largest absolute difference between a probe's best score and the plaintext best
 *                          score
 */
public record PlaintextAgreement(double top1Agreement, double maxTop1ScoreError) {

    /** Perfect agreement, as plaintext search has with itself. */
    public static final PlaintextAgreement EXACT = new PlaintextAgreement(1, 0);

    /**
     * @param referenceIndices plaintext ranked gallery indices per probe
     * @param referenceScores  plaintext scores per probe
     * @param indices          the compared mode's ranked indices per probe
     * @param scores           the compared mode's scores per probe
     * @return the agreement over all probes
     */
    public static PlaintextAgreement compare(int[][] referenceIndices, float[][] referenceScores, int[][] indices,
                                             float[][] scores) {
        if (referenceIndices.length != indices.length || indices.length == 0) {
            throw new IllegalArgumentException("need the same non-zero number of probes; got "
                    + referenceIndices.length + " and " + indices.length);
        }
        int same = 0;
        double maxError = 0;
        for (int p = 0; p < indices.length; p++) {
            if (indices[p][0] == referenceIndices[p][0]) {
                same++;
            }
            maxError = Math.max(maxError, Math.abs((double) scores[p][0] - referenceScores[p][0]));
        }
        return new PlaintextAgreement((double) same / indices.length, maxError);
    }
}
