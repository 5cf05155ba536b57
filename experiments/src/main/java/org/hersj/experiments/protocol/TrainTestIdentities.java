package org.hersj.experiments.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.hersj.experiments.data.Dataset;

/**
 * Splits a dataset by identity into a training part (samples of a seeded random subset of the
 * identities; no distractors) and an evaluation part (every other identity and all distractors), so a
 * reduction is never trained on an identity it is evaluated on.
 *
 * @param train training samples
 * @param test  evaluation samples
 */
public record TrainTestIdentities(Dataset train, Dataset test) {

    /**
     * @param data     the dataset
     * @param fraction fraction of identities for training, in (0, 1)
     * @param seed     seed of the identity choice
     * @return the split
     * @throws IllegalArgumentException if either part would have fewer than two identities
     */
    public static TrainTestIdentities split(Dataset data, double fraction, long seed) {
        TreeSet<Integer> ids = new TreeSet<>();
        for (int label : data.labels()) {
            if (label != Dataset.DISTRACTOR) {
                ids.add(label);
            }
        }
        int[] all = ids.stream().mapToInt(Integer::intValue).toArray();
        int trainCount = (int) Math.round(all.length * fraction);
        if (trainCount < 2 || all.length - trainCount < 2) {
            throw new IllegalArgumentException("dataset " + data.name() + " has " + all.length + " identities; a train"
                    + " fraction of " + fraction + " leaves " + trainCount + " for training and " + (all.length - trainCount)
                    + " for evaluation, expected at least 2 each");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = all.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        java.util.Set<Integer> trainIds = new java.util.HashSet<>();
        for (int i = 0; i < trainCount; i++) {
            trainIds.add(all[i]);
        }
        List<Integer> trainRows = new ArrayList<>();
        List<Integer> testRows = new ArrayList<>();
        int[] labels = data.labels();
        for (int i = 0; i < labels.length; i++) {
            (trainIds.contains(labels[i]) ? trainRows : testRows).add(i);
        }
        return new TrainTestIdentities(subset(data, data.name() + "-train", trainRows), subset(data, data.name(), testRows));
    }

    private static Dataset subset(Dataset data, String name, List<Integer> rows) {
        float[][] vectors = new float[rows.size()][];
        int[] labels = new int[rows.size()];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = data.vectors()[rows.get(i)];
            labels[i] = data.labels()[rows.get(i)];
        }
        return new Dataset(name, vectors, labels);
    }
}
