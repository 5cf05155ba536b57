package org.hersj.reduction.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Splits a labelled set by identity into train and test halves (no identity in both); on the test half
 * the first row of each identity is its gallery entry and the other rows are probes.
 */
final class IdentitySplit {

    final float[][] trainRows;
    final int[] trainLabels;
    final float[][] gallery;
    final int[] galleryLabels;
    final float[][] probes;
    final int[] probeLabels;

    IdentitySplit(float[][] rows, int[] labels, long seed) {
        int[] ids = Arrays.stream(labels).distinct().sorted().toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = ids.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        Set<Integer> train = new HashSet<>();
        for (int i = 0; i < ids.length / 2; i++) {
            train.add(ids[i]);
        }
        List<Integer> tr = new ArrayList<>();
        List<Integer> ga = new ArrayList<>();
        List<Integer> pr = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < rows.length; i++) {
            if (train.contains(labels[i])) {
                tr.add(i);
            } else if (seen.add(labels[i])) {
                ga.add(i);
            } else {
                pr.add(i);
            }
        }
        trainRows = pick(rows, tr);
        trainLabels = tr.stream().mapToInt(i -> labels[i]).toArray();
        gallery = pick(rows, ga);
        galleryLabels = ga.stream().mapToInt(i -> labels[i]).toArray();
        probes = pick(rows, pr);
        probeLabels = pr.stream().mapToInt(i -> labels[i]).toArray();
    }

    private IdentitySplit(float[][] trainRows, int[] trainLabels, IdentitySplit evaluated) {
        this.trainRows = trainRows;
        this.trainLabels = trainLabels;
        gallery = evaluated.gallery;
        galleryLabels = evaluated.galleryLabels;
        probes = evaluated.probes;
        probeLabels = evaluated.probeLabels;
    }

    /** @return the same evaluation half, trained on this split's training rows plus the given ones */
    IdentitySplit withExtraTraining(float[][] rows, int[] labels) {
        float[][] tr = java.util.Arrays.copyOf(trainRows, trainRows.length + rows.length);
        System.arraycopy(rows, 0, tr, trainRows.length, rows.length);
        int[] tl = java.util.Arrays.copyOf(trainLabels, trainLabels.length + labels.length);
        System.arraycopy(labels, 0, tl, trainLabels.length, labels.length);
        return new IdentitySplit(tr, tl, this);
    }

    private static float[][] pick(float[][] rows, List<Integer> idx) {
        return idx.stream().map(i -> rows[i]).toArray(float[][]::new);
    }

    @Override
    public String toString() {
        return String.format("train %d rows / %d ids; gallery %d; probes %d", trainRows.length,
                Arrays.stream(trainLabels).distinct().count(), gallery.length, probes.length);
    }
}
