package org.hersj.reduction.deepmds;

import java.util.Map;
import org.hersj.reduction.core.FloatMatrices;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One batch of pairs as the placeholder arrays of the training graph: the graph inputs of both sides of
 * every pair ({@code a}, {@code b}), the cosine similarity of the original rows ({@code target}), per-pair weights that average
 * the error over the genuine pairs and over the impostor pairs, and 1/(n-1) for the covariance of the
 * 2 x pairs output rows. For the identification term: per-pair weights that average over the genuine
 * pairs ({@code identification_weight}) and an additive mask of the pair-by-pair similarity matrix that
 * removes, from row p's softmax, every column q != p whose second row has the identity of p's first row
 * ({@code identification_mask}: 0 or {@link #MASKED}), so only other identities compete with the genuine one.
 */
final class PairBatch {

    static final String A = "a";
    static final String B = "b";
    static final String TARGET = "target";
    static final String GENUINE_WEIGHT = "genuine_weight";
    static final String IMPOSTOR_WEIGHT = "impostor_weight";
    static final String COVARIANCE_SCALE = "covariance_scale";
    static final String IDENTIFICATION_WEIGHT = "identification_weight";
    static final String IDENTIFICATION_MASK = "identification_mask";
    /** Added to a masked logit: exp of it is 0 in float arithmetic at any allowed scale. */
    static final float MASKED = -1e4f;

    private final Map<String, INDArray> placeholders;
    private final int pairs;

    private PairBatch(Map<String, INDArray> placeholders, int pairs) {
        this.placeholders = placeholders;
        this.pairs = pairs;
    }

    /**
     * @param data     the rows the indices point into
     * @param genuine  genuine pairs, [g][2] row indices (g >= 1)
     * @param impostor impostor pairs, [i][2] row indices (i >= 1)
     * @return the batch, genuine pairs first
     */
    static PairBatch of(LabelledData data, int[][] genuine, int[][] impostor) {
        int n = genuine.length + impostor.length;
        int d = data.features()[0].length;
        float[][] a = new float[n][];
        float[][] b = new float[n][];
        float[] target = new float[n];
        float[] gw = new float[n];
        float[] iw = new float[n];
        int[] labelA = new int[n];
        int[] labelB = new int[n];
        for (int p = 0; p < n; p++) {
            boolean isGenuine = p < genuine.length;
            int[] pair = isGenuine ? genuine[p] : impostor[p - genuine.length];
            a[p] = data.features()[pair[0]];
            b[p] = data.features()[pair[1]];
            target[p] = (float) data.cosine(pair[0], pair[1]);
            gw[p] = isGenuine ? 1f / genuine.length : 0f;
            iw[p] = isGenuine ? 0f : 1f / impostor.length;
            labelA[p] = data.labels()[pair[0]];
            labelB[p] = data.labels()[pair[1]];
        }
        float[] mask = new float[n * n];
        for (int p = 0; p < genuine.length; p++) {
            for (int q = 0; q < n; q++) {
                if (q != p && labelB[q] == labelA[p]) {
                    mask[p * n + q] = MASKED;
                }
            }
        }
        Map<String, INDArray> ph = Map.of(
                A, FloatMatrices.toMatrix(a, d),
                B, FloatMatrices.toMatrix(b, d),
                TARGET, Nd4j.create(target, new long[] {n}, 'c'),
                GENUINE_WEIGHT, Nd4j.create(gw, new long[] {n}, 'c'),
                IMPOSTOR_WEIGHT, Nd4j.create(iw, new long[] {n}, 'c'),
                COVARIANCE_SCALE, Nd4j.scalar(1f / (2 * n - 1)),
                IDENTIFICATION_WEIGHT, Nd4j.create(gw, new long[] {n}, 'c'),
                IDENTIFICATION_MASK, Nd4j.create(mask, new long[] {n, n}, 'c'));
        return new PairBatch(ph, n);
    }

    /** @return the placeholder arrays by name. */
    Map<String, INDArray> placeholders() {
        return placeholders;
    }

    /** @return the number of pairs (genuine + impostor). */
    int pairs() {
        return pairs;
    }
}
