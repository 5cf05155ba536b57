package org.hersj.experiments.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.hersj.experiments.data.Dataset;

/**
 * The identification protocol of the paper's benchmarks: the first sample (in file order) of each
 * identity is enrolled, every other sample of that identity is a probe, and distractors (label -1) are
 * enrolled but never searched for.
 */
public final class IdentificationProtocol {

    private IdentificationProtocol() {
    }

    /**
     * @param data           a dataset
     * @param maxDistractors enrol at most this many distractors, the first in file order
     * @param maxProbes      keep at most this many probes, a seeded random subset kept in file order
     * @param seed           seed of the probe subset
     * @return the split
     * @throws IllegalArgumentException if the dataset yields no probes
     */
    public static IdentificationSplit split(Dataset data, int maxDistractors, int maxProbes, long seed) {
        Set<Integer> enrolled = new HashSet<>();
        List<Integer> galleryRows = new ArrayList<>();
        List<Integer> distractorRows = new ArrayList<>();
        List<Integer> probeRows = new ArrayList<>();
        int[] labels = data.labels();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == Dataset.DISTRACTOR) {
                if (distractorRows.size() < maxDistractors) {
                    distractorRows.add(i);
                }
            } else if (enrolled.add(labels[i])) {
                galleryRows.add(i);
            } else {
                probeRows.add(i);
            }
        }
        if (probeRows.isEmpty()) {
            throw new IllegalArgumentException("dataset " + data.name() + " yields no probes: every identity has a"
                    + " single sample, but the protocol needs at least two samples of some identity");
        }
        int[] probes = subset(probeRows, maxProbes, seed);
        galleryRows.addAll(distractorRows);
        float[][] gallery = new float[galleryRows.size()][];
        int[] galleryLabels = new int[galleryRows.size()];
        for (int g = 0; g < gallery.length; g++) {
            gallery[g] = data.vectors()[galleryRows.get(g)];
            galleryLabels[g] = labels[galleryRows.get(g)];
        }
        float[][] probeVectors = new float[probes.length][];
        int[] probeLabels = new int[probes.length];
        for (int p = 0; p < probes.length; p++) {
            probeVectors[p] = data.vectors()[probes[p]];
            probeLabels[p] = labels[probes[p]];
        }
        return new IdentificationSplit(gallery, galleryLabels, probeVectors, probeLabels,
                enrolled.size(), distractorRows.size());
    }

    private static int[] subset(List<Integer> rows, int max, long seed) {
        int[] all = rows.stream().mapToInt(Integer::intValue).toArray();
        if (all.length <= max) {
            return all;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < max; i++) {
            int j = i + rng.nextInt(all.length - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, max);
        Arrays.sort(chosen);
        return chosen;
    }
}
