package org.hersj.reduction.deepmds;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.hersj.reduction.ManifoldData;
import org.hersj.reduction.Reducers;
import org.hersj.reduction.core.CosinePreservation;
import org.hersj.reduction.core.Reducer;
import org.hersj.reduction.core.UnitVectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regression test of the project's machine-learning claim on a small learnable fixture: DeepMDS++ with
 * {@code init: pca} (each stage starts at PCA's map), trained on 150 identities of a curved manifold
 * (ManifoldData: 4-d latent sphere, 64-d random cosine features) and evaluated on 50 held-out
 * identities, keeps held-out cosines better than PCA fitted on the same rows and loses no rank-1
 * (first sample of each held-out identity enrolled, the others searched) at 16-d. Measured 2026-12-02:
 * cosine error 0.0047 against PCA's 0.469, rank-1 0.633 against 0.627 (one probe of 150). At 4-d
 * (chain 64-16-4) the cosine error still wins (0.097 vs 0.466) but rank-1 loses (0.487 vs 0.640): the
 * loss keeps cosines, not identities, which is what reduction/README.md says about the manifold twin.
 */
class DeepMdsBeatsPcaTest {

    private static final int DIMS = 64;
    private static final int OUT = 16;
    private static final int PER = 4;
    private static float[][] test;
    private static int[] testLabels;
    private static Reducer pca;
    private static Reducer deepMds;

    @BeforeAll
    static void train() {
        ManifoldData data = ManifoldData.generate(DIMS, 4, 2.0, 200, PER, 0.3, 5);
        int split = 150 * PER;
        float[][] train = Arrays.copyOfRange(data.rows, 0, split);
        int[] trainLabels = Arrays.copyOfRange(data.labels, 0, split);
        test = UnitVectors.normalisedCopy(Arrays.copyOfRange(data.rows, split, data.rows.length), DIMS, "test");
        testLabels = Arrays.copyOfRange(data.labels, split, data.labels.length);
        pca = Reducers.pca(train, OUT);
        DeepMdsConfig config = DeepMdsConfigBuilder.paper(List.of(DIMS, 32, OUT)).init("pca")
                .scaledSchedule(6, 50, 64, 256).learningRate(1e-3).validationFraction(0.1).earlyStopPatience(3)
                .build();
        deepMds = Reducers.deepMds(config, train, trainLabels, 3, TrainingListener.NONE, null).reducerForDimension(OUT);
    }

    @Test
    void heldOutCosinesAreKeptBetterThanByPca() {
        double learned = CosinePreservation.meanAbsoluteError(test, deepMds.reduce(test));
        double linear = CosinePreservation.meanAbsoluteError(test, pca.reduce(test));
        System.out.printf("held-out cosine error at %d-d: DeepMDS++ %.4f, PCA %.4f%n", OUT, learned, linear);
        assertTrue(learned < linear, "DeepMDS++ " + learned + " must beat PCA " + linear + " on held-out identities");
    }

    @Test
    void rankOneIsNoLowerThanPcas() {
        double learned = rankOne(deepMds.reduce(test), testLabels);
        double linear = rankOne(pca.reduce(test), testLabels);
        System.out.printf("held-out rank-1 at %d-d: DeepMDS++ %.3f, PCA %.3f%n", OUT, learned, linear);
        assertTrue(learned >= linear, "DeepMDS++ rank-1 " + learned + " below PCA's " + linear);
    }

    static double rankOne(float[][] reduced, int[] labels) {
        return HeldOutRankOne.of(reduced, labels, PER);
    }
}
