package org.hersj.reduction.deepmds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hersj.reduction.core.UnitVectors;

/**
 * Normalised training rows with identity labels, indexed by identity for pair sampling. The rows define
 * the target cosines; the {@link #features()} are what the trained graph is fed (the rows themselves, or
 * their images under frozen earlier stages of the chain).
 */
final class LabelledData {

    private final float[][] rows;
    private final float[][] features;
    private final int[] labels;
    private final int[][] rowsByIdentity;
    private final int[] identitiesWithPairs;

    /**
     * @param rows   unit rows (already normalised)
     * @param labels one identity label per row
     */
    LabelledData(float[][] rows, int[] labels) {
        this(rows, rows, labels);
    }

    private LabelledData(float[][] rows, float[][] features, int[] labels) {
        if (rows.length != labels.length || features.length != rows.length) {
            throw new IllegalArgumentException("training data has " + rows.length + " rows but " + labels.length
                    + " labels; give one label per row");
        }
        this.rows = rows;
        this.features = features;
        this.labels = labels;
        Map<Integer, List<Integer>> byLabel = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            byLabel.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
        }
        int[] sortedLabels = byLabel.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        rowsByIdentity = new int[sortedLabels.length][];
        List<Integer> withPairs = new ArrayList<>();
        for (int k = 0; k < sortedLabels.length; k++) {
            rowsByIdentity[k] = byLabel.get(sortedLabels[k]).stream().mapToInt(Integer::intValue).toArray();
            if (rowsByIdentity[k].length >= 2) {
                withPairs.add(k);
            }
        }
        identitiesWithPairs = withPairs.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Normalises rows and builds the index.
     *
     * @param rows   raw rows of width {@code dimension}
     * @param labels one label per row
     * @param dimension expected width
     * @return the indexed data
     */
    static LabelledData normalised(float[][] rows, int[] labels, int dimension) {
        return new LabelledData(UnitVectors.normalisedCopy(rows, dimension, "DeepMDS training data"), labels);
    }

    /** @return the rows (shared, not copied). */
    float[][] rows() {
        return rows;
    }

    /** @return what the graph is fed for each row (shared, not copied); the rows unless replaced. */
    float[][] features() {
        return features;
    }

    /**
     * @param newFeatures one feature row per row (e.g. the outputs of frozen earlier stages)
     * @return the same rows, labels and target cosines with other graph inputs
     */
    LabelledData withFeatures(float[][] newFeatures) {
        return new LabelledData(rows, newFeatures, labels);
    }

    /** @return the labels (shared, not copied). */
    int[] labels() {
        return labels;
    }

    /** @return number of rows. */
    int size() {
        return rows.length;
    }

    /** @return row indices of each identity (sorted by label). */
    int[][] rowsByIdentity() {
        return rowsByIdentity;
    }

    /** @return indices (into {@link #rowsByIdentity()}) of identities with at least two rows. */
    int[] identitiesWithPairs() {
        return identitiesWithPairs;
    }

    /**
     * @param identities indices into {@link #rowsByIdentity()}
     * @return a new data set holding the rows of those identities only
     */
    LabelledData subset(int[] identities) {
        int n = 0;
        for (int k : identities) {
            n += rowsByIdentity[k].length;
        }
        float[][] subRows = new float[n][];
        int[] subLabels = new int[n];
        int j = 0;
        for (int k : identities) {
            for (int i : rowsByIdentity[k]) {
                subRows[j] = rows[i];
                subLabels[j++] = labels[i];
            }
        }
        return new LabelledData(subRows, subLabels);
    }

    /**
     * @param i row index
     * @param j row index
     * @return cosine similarity of two (unit) rows
     */
    double cosine(int i, int j) {
        return UnitVectors.dot(rows[i], rows[j]);
    }

    @Override
    public String toString() {
        return "LabelledData[" + rows.length + " rows, " + rowsByIdentity.length + " identities, dims "
                + (rows.length == 0 ? 0 : rows[0].length) + ", first labels " + Arrays.toString(
                Arrays.copyOf(labels, Math.min(3, labels.length))) + "]";
    }
}
