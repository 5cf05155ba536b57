package org.hersj.experiments.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlaintextAgreementTest {

    @Test
    void countsTop1MatchesAndTheLargestTop1ScoreError() {
        int[][] ref = {{4, 1}, {2, 0}, {3, 1}, {0, 1}};
        float[][] refScores = {{0.9f, 0.5f}, {0.8f, 0.1f}, {0.7f, 0.6f}, {0.5f, 0.4f}};
        int[][] got = {{4, 1}, {0, 2}, {3, 1}, {0, 1}};
        float[][] scores = {{0.91f, 0.5f}, {0.75f, 0.7f}, {0.7f, 0.6f}, {0.5f, 0.4f}};
        PlaintextAgreement a = PlaintextAgreement.compare(ref, refScores, got, scores);
        assertEquals(0.75, a.top1Agreement(), 1e-12);
        assertEquals(0.05, a.maxTop1ScoreError(), 1e-6);
    }
}
