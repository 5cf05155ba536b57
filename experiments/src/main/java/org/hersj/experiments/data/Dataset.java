package org.hersj.experiments.data;

import java.util.Objects;

/**
 * A set of labelled feature vectors. Identities have labels {@code >= 0}; distractors (identities that
 * are enrolled but never searched for) have label {@link #DISTRACTOR}. The arrays are shared, not
 * copied: callers must not modify them.
 *
 * @param name    a short name used in results, e.g. {@code "lfw-cosface512"}
 * @param vectors one row per sample, all of the same dimension
 * @param labels  one identity label per row
 */
public record Dataset(String name, float[][] vectors, int[] labels) {

    /** The label of a distractor sample. */
    public static final int DISTRACTOR = -1;

    /** Checks that there is at least one vector, that rows agree in dimension and labels in count. */
    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(labels, "labels");
        if (vectors.length == 0) {
            throw new IllegalArgumentException("dataset " + name + " has no vectors");
        }
        if (vectors.length != labels.length) {
            throw new IllegalArgumentException("dataset " + name + " has " + vectors.length
                    + " vectors but " + labels.length + " labels");
        }
        int dimension = vectors[0].length;
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i].length != dimension) {
                throw new IllegalArgumentException("dataset " + name + ": row " + i + " has dimension "
                        + vectors[i].length + ", row 0 has " + dimension);
            }
            if (labels[i] < DISTRACTOR) {
                throw new IllegalArgumentException("dataset " + name + ": row " + i + " has label "
                        + labels[i] + "; labels are >= 0, or -1 for a distractor");
            }
        }
    }

    /** @return the number of samples */
    public int size() {
        return vectors.length;
    }

    /** @return the dimension of every vector */
    public int dimension() {
        return vectors[0].length;
    }
}
