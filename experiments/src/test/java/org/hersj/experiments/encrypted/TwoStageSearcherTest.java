package org.hersj.experiments.encrypted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.hersj.experiments.config.FheConfig;
import org.hersj.experiments.config.TwoStageConfig;
import org.hersj.experiments.progress.Progress;
import org.hersj.experiments.search.SearchContext;
import org.hersj.experiments.search.SearchInput;
import org.hersj.experiments.search.SearchResult;
import org.hersj.experiments.search.TwoStageDetails;
import org.hersj.reduction.core.UnitVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code two-stage} mode on generated data (N = 4096, 128-bit preset): stage 1 keeps the plaintext
 * reduced top K, stage 2's scores are the full-dimension inner products within CKKS precision, and per
 * probe whose mate is in stage 1's top K the two-stage top 1 is the single-stage full-dimension top 1.
 */
class TwoStageSearcherTest {

    private static final int ITEMS = 96;
    private static final int PROBES = 24;
    private static final int FULL = 64;
    private static final int REDUCED = 8;
    private static final int K = 6;
    /** CKKS error bound on a score at SEARCH_N4096 (observed errors are around 1e-5). */
    private static final double PRECISION = 1e-3;

    @TempDir
    Path dir;

    @Test
    void twoStageRankOneEqualsFullDimensionRankOneWheneverTheMateIsInTheShortlist() {
        SplittableRandom random = new SplittableRandom(42);
        float[][] fullGallery = new float[ITEMS][];
        for (int i = 0; i < ITEMS; i++) {
            fullGallery[i] = unit(gaussian(random, FULL, 1));
        }
        float[][] fullProbes = new float[PROBES][];
        for (int p = 0; p < PROBES; p++) {
            float[] noisy = gaussian(random, FULL, 0.12);
            for (int j = 0; j < FULL; j++) {
                noisy[j] += fullGallery[mate(p)][j];
            }
            fullProbes[p] = unit(noisy);
        }
        float[][] gallery = truncated(fullGallery);
        float[][] probes = truncated(fullProbes);
        SearchContext context = new SearchContext(1, dir.resolve("cache"), new FheConfig("SEARCH_N4096", "java", 2, null, null, null, null),
                new TwoStageConfig(K, REDUCED, null));

        SearchResult result = TwoStageSearcher.provider().create(context)
                .search(new SearchInput(gallery, probes, fullGallery, fullProbes), 5, Progress.NONE);

        TwoStageDetails details = result.twoStage();
        assertEquals(K, details.k());
        assertEquals(FULL, details.stage2Dimension());
        int mateInShortlist = 0;
        int mateOutside = 0;
        for (int p = 0; p < PROBES; p++) {
            int[] shortlist = details.stage1Indices()[p];
            assertEquals(K, shortlist.length);
            assertBest("stage 1's top 1 (reduced), probe " + p, gallery, probes[p], all(), shortlist[0]);
            assertEquals(5, result.indices()[p].length, "final ranking capped at topK");
            for (int r = 0; r < result.indices()[p].length; r++) {
                int item = result.indices()[p][r];
                assertTrue(contains(shortlist, item), "the final ranking only holds stage-1 candidates");
                assertEquals(dot(fullGallery[item], fullProbes[p]), result.scores()[p][r], PRECISION,
                        "stage-2 score = full-dimension inner product, probe " + p + " item " + item);
            }
            int fullTop1 = best(fullGallery, fullProbes[p], all());
            assertBest("encrypted single-stage full-dim top 1, probe " + p, fullGallery, fullProbes[p], all(),
                    details.fullDimension().indices()[p][0]);
            int twoStageTop1 = result.indices()[p][0];
            if (contains(shortlist, mate(p))) {
                mateInShortlist++;
                assertBest("two-stage top 1 (full-dim among the shortlist), probe " + p, fullGallery, fullProbes[p],
                        shortlist, twoStageTop1);
                if (contains(shortlist, fullTop1)) {
                    assertEquals(fullTop1, twoStageTop1, "two-stage top 1 = full-dim top 1, probe " + p);
                } else {
                    assertTrue(fullTop1 != mate(p), "a full-dim top 1 outside the shortlist is not the mate");
                }
                assertEquals(fullTop1 == mate(p) || twoStageTop1 == mate(p), twoStageTop1 == mate(p),
                        "a full-dim hit with the mate in the shortlist is a two-stage hit, probe " + p);
            } else {
                mateOutside++;
                assertTrue(twoStageTop1 != mate(p), "a mate dropped by stage 1 cannot be found, probe " + p);
            }
        }
        assertTrue(mateInShortlist >= PROBES / 2 && mateOutside >= 1,
                "the data exercises both cases: " + mateInShortlist + " in, " + mateOutside + " out");
        assertTrue(details.stage1Nanos() > 0 && details.stage2Nanos() > 0);
        assertEquals(details.stage1Nanos() + details.stage2Nanos(), result.searchNanos());
    }

    @Test
    void withoutTheOriginalFeaturesTheModeRefusesToRun() {
        SearchContext context = new SearchContext(1, dir.resolve("cache"), FheConfig.defaults());
        float[][] rows = {{1, 0}, {0, 1}};
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TwoStageSearcher.provider().create(context).search(rows, rows, 1, Progress.NONE));
        assertTrue(e.getMessage().contains("twoStage"), e.getMessage());
    }

    @Test
    void originalFeaturesOfOtherItemsAreRejected() {
        float[][] rows = {{1, 0}, {0, 1}};
        float[][] full = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        SearchContext context = new SearchContext(1, dir.resolve("cache"), FheConfig.defaults(),
                new TwoStageConfig(1, 2, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TwoStageSearcher.provider().create(context).search(new SearchInput(rows, rows, full, rows), 1,
                        Progress.NONE));
        assertTrue(e.getMessage().contains("same items"), e.getMessage());
    }

    private static int mate(int probe) {
        return (probe * 7) % ITEMS;
    }

    private static float[][] truncated(float[][] rows) {
        return Arrays.stream(rows).map(r -> unit(Arrays.copyOf(r, REDUCED))).toArray(float[][]::new);
    }

    private static float[] gaussian(SplittableRandom random, int d, double sigma) {
        float[] v = new float[d];
        for (int j = 0; j < d; j++) {
            double u1 = 1 - random.nextDouble();
            double u2 = random.nextDouble();
            v[j] = (float) (sigma * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
        }
        return v;
    }

    private static float[] unit(float[] v) {
        return UnitVectors.normalisedRow(v, v.length, "test row", 0);
    }

    private static double dot(float[] a, float[] b) {
        return UnitVectors.dot(a, b);
    }

    private static int[] all() {
        return java.util.stream.IntStream.range(0, ITEMS).toArray();
    }

    /** The candidate with the best plaintext score. */
    private static int best(float[][] gallery, float[] probe, int[] candidates) {
        int best = candidates[0];
        for (int c : candidates) {
            if (dot(gallery[c], probe) > dot(gallery[best], probe)) {
                best = c;
            }
        }
        return best;
    }

    /**
     * {@code got} scores within CKKS precision of the best candidate, and is that candidate unless another one
     * is within twice that precision (then encrypted search may legitimately pick either).
     */
    private static void assertBest(String what, float[][] gallery, float[] probe, int[] candidates, int got) {
        int best = best(gallery, probe, candidates);
        double top = dot(gallery[best], probe);
        assertTrue(dot(gallery[got], probe) >= top - PRECISION, what + ": item " + got + " is not near the best " + best);
        boolean nearTie = Arrays.stream(candidates).anyMatch(c -> c != best && dot(gallery[c], probe) > top - 2 * PRECISION);
        if (!nearTie) {
            assertEquals(best, got, what);
        }
    }

    private static boolean contains(int[] items, int item) {
        return Arrays.stream(items).anyMatch(i -> i == item);
    }
}
