package org.hersj.experiments.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.hersj.experiments.data.UnitNormalizer;
import org.hersj.experiments.progress.Progress;
import org.hersj.fhe.search.client.TopK;
import org.junit.jupiter.api.Test;

class PlaintextSearcherTest {

    private static float[][] randomUnitRows(int n, int d, SplittableRandom rng) {
        float[][] rows = new float[n][d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) rng.nextGaussian();
            }
        }
        UnitNormalizer.normalizeRows(rows);
        return rows;
    }

    /** Brute force in double: all scores, sorted by score descending. */
    private static Integer[] reference(float[][] gallery, float[] probe, double[] scoresOut) {
        for (int g = 0; g < gallery.length; g++) {
            double s = 0;
            for (int j = 0; j < probe.length; j++) {
                s += (double) gallery[g][j] * probe[j];
            }
            scoresOut[g] = s;
        }
        Integer[] order = new Integer[gallery.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scoresOut[i]));
        return order;
    }

    @Test
    void topKEqualsBruteForceAcrossThreadCounts() {
        SplittableRandom rng = new SplittableRandom(42);
        int d = 67;
        float[][] gallery = randomUnitRows(1000, d, rng);
        float[][] probes = randomUnitRows(37, d, rng);
        int k = 15;
        SearchResult one = new PlaintextSearcher(1).search(gallery, probes, k, Progress.NONE);
        SearchResult three = new PlaintextSearcher(3).search(gallery, probes, k, Progress.NONE);
        for (int p = 0; p < probes.length; p++) {
            assertArrayEquals(one.indices()[p], three.indices()[p]);
            double[] scores = new double[gallery.length];
            Integer[] order = reference(gallery, probes[p], scores);
            assertEquals(k, one.indices()[p].length);
            for (int r = 0; r < k; r++) {
                assertEquals(scores[order[r]], one.scores()[p][r], 1e-5, "probe " + p + " rank " + (r + 1));
                int got = one.indices()[p][r];
                assertTrue(got == order[r] || Math.abs(scores[got] - scores[order[r]]) < 1e-6,
                        "probe " + p + " rank " + (r + 1) + ": " + got + " vs " + order[r]);
            }
        }
    }

    @Test
    void tiesRankTheLowerIndexFirstAndTopKIsCappedAtGallerySize() {
        float[][] gallery = {{1, 0}, {0, 1}, {1, 0}};
        float[][] probes = {{1, 0}};
        SearchResult r = new PlaintextSearcher(2).search(gallery, probes, 10, Progress.NONE);
        assertArrayEquals(new int[] {0, 2, 1}, r.indices()[0]);
        assertArrayEquals(new float[] {1, 1, 0}, r.scores()[0], 1e-6f);
    }

    @Test
    void topKHeapKeepsTheBest() {
        TopK heap = new TopK(3);
        float[] scores = {0.1f, 0.9f, 0.5f, 0.9f, -1f, 0.7f};
        for (int i = 0; i < scores.length; i++) {
            heap.offer(i, scores[i]);
        }
        assertArrayEquals(new int[] {1, 3, 5}, heap.sortedItems());
        assertArrayEquals(new float[] {0.9f, 0.9f, 0.7f}, heap.sortedScores());
    }
}
