package org.hersj.reduction.deepmds;

import org.hersj.reduction.core.FloatMatrices;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The task-level early-stopping score: leave-one-out nearest-neighbour identification error on the
 * validation identities. Every validation row whose identity has another row is a query; the error is
 * the fraction of queries whose most similar other row (cosine of the current model's outputs) has
 * another identity. At most {@value #MAX_ROWS} rows are used (the first ones), so the score stays cheap.
 */
final class NearestNeighbourError {

    static final int MAX_ROWS = 2000;

    private NearestNeighbourError() {
    }

    /**
     * @param graph      the current model (maps feature rows to unit outputs)
     * @param validation validation rows with the graph's features and identity labels
     * @return the leave-one-out 1-NN error in [0, 1]
     */
    static double of(TrainingGraph graph, LabelledData validation) {
        int n = Math.min(MAX_ROWS, validation.size());
        float[][] features = java.util.Arrays.copyOf(validation.features(), n);
        INDArray y = graph.project(FloatMatrices.toMatrix(features, features[0].length));
        float[] similarity = y.mmul(y.transpose()).data().asFloat();
        int[] labels = validation.labels();
        int queries = 0;
        int wrong = 0;
        for (int i = 0; i < n; i++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            boolean hasMate = false;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                hasMate |= labels[j] == labels[i];
                double s = similarity[i * n + j];
                if (s > bestScore) {
                    bestScore = s;
                    best = j;
                }
            }
            if (hasMate) {
                queries++;
                wrong += labels[best] == labels[i] ? 0 : 1;
            }
        }
        return queries == 0 ? 0 : (double) wrong / queries;
    }
}
