package org.hersj.reduction.report;

import org.hersj.reduction.core.UnitVectors;

/** Closed-set rank-1 identification by cosine similarity (rows are unit vectors). */
final class Rank1 {

    private Rank1() {
    }

    /**
     * @param gallery       gallery rows (unit)
     * @param galleryLabels their identities
     * @param probes        probe rows (unit)
     * @param probeLabels   their identities
     * @return fraction of probes whose most similar gallery row has the probe's identity
     */
    static double accuracy(float[][] gallery, int[] galleryLabels, float[][] probes, int[] probeLabels) {
        int correct = 0;
        for (int p = 0; p < probes.length; p++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int g = 0; g < gallery.length; g++) {
                double s = UnitVectors.dot(probes[p], gallery[g]);
                if (s > bestScore) {
                    bestScore = s;
                    best = g;
                }
            }
            if (galleryLabels[best] == probeLabels[p]) {
                correct++;
            }
        }
        return (double) correct / probes.length;
    }
}
