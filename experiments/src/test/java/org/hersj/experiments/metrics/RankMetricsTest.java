package org.hersj.experiments.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RankMetricsTest {

    @Test
    void cmcOnAHandMadeCase() {
        // gallery: identities 10, 11, 12 and a distractor
        int[] galleryLabels = {10, 11, 12, -1};
        int[] probeLabels = {10, 11, 12, 10};
        int[][] ranked = {
            {0, 1, 2, 3}, // mate at rank 1
            {3, 1, 0, 2}, // mate at rank 2
            {3, 0, 1, 2}, // mate at rank 4
            {1, 2, 3, 0}, // mate at rank 4
        };
        CmcCurve c = RankMetrics.cmc(ranked, galleryLabels, probeLabels, 4);
        assertArrayEquals(new double[] {0.25, 0.5, 0.5, 1.0}, c.rates(), 1e-12);
        assertEquals(0.25, c.rank1());
        assertEquals(2, RankMetrics.mateRank(ranked[1], galleryLabels, 11));
    }

    @Test
    void mateOutsideTheRankedListIsAMissAtEveryRank() {
        int[] galleryLabels = {1, 2, 3};
        CmcCurve c = RankMetrics.cmc(new int[][] {{1, 2}, {0, 1}}, galleryLabels, new int[] {1, 1}, 3);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, c.rates(), 1e-12);
        assertEquals(0, RankMetrics.mateRank(new int[] {1, 2}, galleryLabels, 1));
    }
}
