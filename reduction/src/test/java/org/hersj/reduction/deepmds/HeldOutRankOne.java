package org.hersj.reduction.deepmds;

import org.hersj.reduction.core.UnitVectors;

/** Rank-1 of held-out rows grouped by identity: the first sample of each identity enrolled, the others searched by cosine. */
final class HeldOutRankOne {

    private HeldOutRankOne() {
    }

    /**
     * @param reduced     rows, {@code perIdentity} consecutive rows per identity
     * @param labels      their identity labels
     * @param perIdentity samples per identity
     * @return the fraction of probes whose nearest enrolled row has their identity
     */
    static double of(float[][] reduced, int[] labels, int perIdentity) {
        float[][] unit = UnitVectors.normalisedCopy(reduced, reduced[0].length, "reduced");
        int hits = 0;
        int probes = 0;
        for (int p = 0; p < unit.length; p++) {
            if (p % perIdentity == 0) {
                continue;
            }
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int g = 0; g < unit.length; g += perIdentity) {
                double s = 0;
                for (int k = 0; k < unit[p].length; k++) {
                    s += unit[p][k] * unit[g][k];
                }
                if (s > bestScore) {
                    bestScore = s;
                    best = g;
                }
            }
            hits += labels[best] == labels[p] ? 1 : 0;
            probes++;
        }
        return (double) hits / probes;
    }
}
