package org.hersj.reduction.deepmds;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.hersj.reduction.ManifoldData;
import org.hersj.reduction.Reducers;
import org.hersj.reduction.core.Reducer;
import org.junit.jupiter.api.Test;

/**
 * The identification term does what the paper's similarity loss cannot, on a curved-manifold fixture
 * (ManifoldData: 4-d latent, 64-d random cosine features, 550 training and 50 held-out identities x 4
 * samples) reduced to 4-d (chain 64-16-4), where the similarity loss alone keeps cosines but loses rank-1
 * to PCA. The same short training run with the term on beats both on held-out identities. Measured
 * 2026-12-03: rank-1 0.587 with the term, 0.453 without, PCA 0.527 (150 probes).
 */
class IdentificationTermTest {

    private static final int DIMS = 64;
    private static final int OUT = 4;
    private static final int PER = 4;
    private static final int IDENTITIES = 600;
    private static final int HELD_OUT = 50;

    @Test
    void identificationTermBeatsPcaWhereTheSimilarityLossLoses() {
        ManifoldData data = ManifoldData.generate(DIMS, 4, 2.0, IDENTITIES, PER, 0.3, 5);
        int split = (IDENTITIES - HELD_OUT) * PER;
        float[][] train = Arrays.copyOfRange(data.rows, 0, split);
        int[] trainLabels = Arrays.copyOfRange(data.labels, 0, split);
        float[][] test = Arrays.copyOfRange(data.rows, split, data.rows.length);
        int[] testLabels = Arrays.copyOfRange(data.labels, split, data.labels.length);

        double linear = HeldOutRankOne.of(Reducers.pca(train, OUT).reduce(test), testLabels, PER);
        double similarityOnly = HeldOutRankOne.of(trained(0, train, trainLabels).reduce(test), testLabels, PER);
        double identifying = HeldOutRankOne.of(trained(1, train, trainLabels).reduce(test), testLabels, PER);
        System.out.printf("held-out rank-1 at %d-d: with the identification term %.3f, without %.3f, PCA %.3f%n",
                OUT, identifying, similarityOnly, linear);
        assertTrue(similarityOnly < linear, "the fixture no longer shows the similarity loss losing to PCA ("
                + similarityOnly + " vs " + linear + "); choose a harder one");
        assertTrue(identifying > linear, "with the identification term: rank-1 " + identifying
                + " must beat PCA's " + linear);
    }

    private static Reducer trained(double identificationWeight, float[][] train, int[] labels) {
        DeepMdsConfig config = DeepMdsConfigBuilder.paper(List.of(DIMS, 16, OUT)).init("pca")
                .scaledSchedule(6, 50, 64, 256).learningRate(1e-3).validationFraction(0.1).earlyStopPatience(3)
                .identificationWeight(identificationWeight).identificationScale(4).build();
        return Reducers.deepMds(config, train, labels, 3, TrainingListener.NONE, null).reducerForDimension(OUT);
    }
}
