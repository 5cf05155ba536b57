package org.hersj.reduction.deepmds;

import java.util.SplittableRandom;

/**
 * Draws genuine pairs (two different rows of one identity, identity chosen uniformly among those with at
 * least two rows) and impostor pairs (two rows chosen uniformly with different labels).
 */
final class PairSampler {

    private final LabelledData data;
    private final SplittableRandom random;

    /**
     * @param data   the labelled rows; needs an identity with two rows and two identities
     * @param random the seeded source
     */
    PairSampler(LabelledData data, SplittableRandom random) {
        if (data.identitiesWithPairs().length == 0) {
            throw new IllegalArgumentException("no identity has two or more rows, so no genuine pair exists: "
                    + data + "; give at least two samples of some identity");
        }
        if (data.rowsByIdentity().length < 2) {
            throw new IllegalArgumentException("only one identity, so no impostor pair exists: " + data);
        }
        this.data = data;
        this.random = random;
    }

    /**
     * @param same the same rows and labels (e.g. with other features)
     * @return a sampler over {@code same} continuing this sampler's random stream
     */
    PairSampler over(LabelledData same) {
        return new PairSampler(same, random);
    }

    /**
     * @param count number of pairs
     * @return {@code count} genuine pairs as [count][2] row indices
     */
    int[][] genuine(int count) {
        int[][] pairs = new int[count][];
        int[] ids = data.identitiesWithPairs();
        for (int p = 0; p < count; p++) {
            int[] rows = data.rowsByIdentity()[ids[random.nextInt(ids.length)]];
            int i = random.nextInt(rows.length);
            int j = random.nextInt(rows.length - 1);
            pairs[p] = new int[] {rows[i], rows[j >= i ? j + 1 : j]};
        }
        return pairs;
    }

    /**
     * @param count number of pairs
     * @return {@code count} impostor pairs as [count][2] row indices
     */
    int[][] impostor(int count) {
        int[][] pairs = new int[count][];
        int[] labels = data.labels();
        for (int p = 0; p < count; p++) {
            int i;
            int j;
            do {
                i = random.nextInt(labels.length);
                j = random.nextInt(labels.length);
            } while (labels[i] == labels[j]);
            pairs[p] = new int[] {i, j};
        }
        return pairs;
    }
}
