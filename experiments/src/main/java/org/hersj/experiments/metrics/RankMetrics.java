package org.hersj.experiments.metrics;

/**
 * Computes identification metrics from ranked search results.
 */
public final class RankMetrics {

    private RankMetrics() {
    }

    /**
     * @param ranked        {@code ranked[p]} gallery indices for probe {@code p}, best first
     * @param galleryLabels identity of each gallery row (-1 for distractors)
     * @param probeLabels   identity of each probe
     * @param maxRank       length of the curve, {@code >= 1}
     * @return the CMC curve from rank 1 to {@code maxRank}; a mate found beyond the ranked lists counts as
     *         a miss at every rank
     */
    public static CmcCurve cmc(int[][] ranked, int[] galleryLabels, int[] probeLabels, int maxRank) {
        if (ranked.length != probeLabels.length || ranked.length == 0) {
            throw new IllegalArgumentException("need one non-empty ranked list per probe; got " + ranked.length
                    + " lists for " + probeLabels.length + " probes");
        }
        if (maxRank < 1) {
            throw new IllegalArgumentException("maxRank must be >= 1, got " + maxRank);
        }
        long[] hitsAtRank = new long[maxRank];
        for (int p = 0; p < ranked.length; p++) {
            int rank = mateRank(ranked[p], galleryLabels, probeLabels[p]);
            if (rank >= 1 && rank <= maxRank) {
                hitsAtRank[rank - 1]++;
            }
        }
        double[] rates = new double[maxRank];
        long cumulative = 0;
        for (int r = 0; r < maxRank; r++) {
            cumulative += hitsAtRank[r];
            rates[r] = (double) cumulative / ranked.length;
        }
        return new CmcCurve(rates);
    }

    /**
     * @param ranked        gallery indices, best first
     * @param galleryLabels identity of each gallery row
     * @param probeLabel    the probe's identity
     * @return the 1-based rank of the first gallery row with the probe's identity, or 0 if none is listed
     */
    public static int mateRank(int[] ranked, int[] galleryLabels, int probeLabel) {
        for (int r = 0; r < ranked.length; r++) {
            if (galleryLabels[ranked[r]] == probeLabel) {
                return r + 1;
            }
        }
        return 0;
    }
}
