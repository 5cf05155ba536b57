package org.hersj.reduction.deepmds;

import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.hersj.reduction.core.FloatMatrices;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Produces training batches: uniformly random pairs, or (hard mining) the largest-error pairs among
 * {@code mining_candidates} random candidates scored with the current model, filled up at random.
 */
final class BatchSource {

    private final LabelledData data;
    private final PairSampler sampler;
    private final SplittableRandom random;
    private final DeepMdsConfig config;

    /**
     * @param data   training rows
     * @param config batch sizes and mining settings
     * @param random seeded source (split for sampling and mining)
     */
    BatchSource(LabelledData data, DeepMdsConfig config, SplittableRandom random) {
        this.data = data;
        this.config = config;
        this.sampler = new PairSampler(data, random.split());
        this.random = random.split();
    }

    private BatchSource(LabelledData data, DeepMdsConfig config, PairSampler sampler, SplittableRandom random) {
        this.data = data;
        this.config = config;
        this.sampler = sampler;
        this.random = random;
    }

    /**
     * @param features new graph inputs of the same rows
     * @return a source over the same rows and targets, continuing the same random streams, that feeds
     *         {@code features} to the graph
     */
    BatchSource withFeatures(float[][] features) {
        LabelledData moved = data.withFeatures(features);
        return new BatchSource(moved, config, sampler.over(moved), random);
    }

    /**
     * @param hardPairs hard pairs per kind to keep (0 = plain random batch)
     * @param projector maps feature rows to the current model's outputs (used only when mining)
     * @return the next batch
     */
    PairBatch next(int hardPairs, UnaryOperator<INDArray> projector) {
        int g = config.genuinePairsPerBatch();
        int i = config.impostorPairsPerBatch();
        if (hardPairs == 0) {
            return PairBatch.of(data, sampler.genuine(g), sampler.impostor(i));
        }
        int c = config.miningCandidates();
        return PairBatch.of(data, mine(sampler.genuine(c), hardPairs, g, projector),
                mine(sampler.impostor(c), hardPairs, i, projector));
    }

    private int[][] mine(int[][] candidates, int hard, int total, UnaryOperator<INDArray> projector) {
        double[] errors = similarityErrors(candidates, projector);
        int[] chosen = HardPairMiner.select(errors, hard, total, random);
        int[][] pairs = new int[total][];
        for (int k = 0; k < total; k++) {
            pairs[k] = candidates[chosen[k]];
        }
        return pairs;
    }

    /**
     * @param pairs     candidate pairs
     * @param projector the current model
     * @return |cos(x1,x2) - <f(x1),f(x2)>| for every pair
     */
    double[] similarityErrors(int[][] pairs, UnaryOperator<INDArray> projector) {
        int n = pairs.length;
        float[][] rows = new float[2 * n][];
        for (int p = 0; p < n; p++) {
            rows[p] = data.features()[pairs[p][0]];
            rows[n + p] = data.features()[pairs[p][1]];
        }
        INDArray projected = projector.apply(FloatMatrices.toMatrix(rows, rows[0].length));
        INDArray sims = projected.get(NDArrayIndex.interval(0, n),
                NDArrayIndex.all())
                .mul(projected.get(NDArrayIndex.interval(n, 2 * n),
                        NDArrayIndex.all()))
                .sum(1);
        double[] errors = new double[n];
        for (int p = 0; p < n; p++) {
            errors[p] = Math.abs(data.cosine(pairs[p][0], pairs[p][1]) - sims.getDouble(p));
        }
        return errors;
    }
}
