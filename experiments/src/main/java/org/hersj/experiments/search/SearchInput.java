package org.hersj.experiments.search;

/**
 * The vectors of one sweep point that a {@link Searcher} gets: the gallery and probes as reduced to the
 * point's dimension (what most modes search), and the same items before reduction (the dataset's own
 * features, which {@code two-stage} re-scores in stage 2). Row i of each gallery is the same item, as is
 * row i of each probe set.
 *
 * @param gallery         gallery rows at the sweep point's dimension (unit length)
 * @param probes          probe rows at the sweep point's dimension (unit length)
 * @param originalGallery the same gallery items before reduction
 * @param originalProbes  the same probes before reduction
 */
public record SearchInput(float[][] gallery, float[][] probes, float[][] originalGallery, float[][] originalProbes) {

    /** Checks that the reduced and original sets list the same items. */
    public SearchInput {
        if (gallery.length != originalGallery.length || probes.length != originalProbes.length) {
            throw new IllegalArgumentException("the original features have " + originalGallery.length + " gallery and "
                    + originalProbes.length + " probe rows but the reduced ones " + gallery.length + " and "
                    + probes.length + "; both must list the same items");
        }
    }

    /** Vectors that were not reduced: the original features are the searched ones. */
    public static SearchInput of(float[][] gallery, float[][] probes) {
        return new SearchInput(gallery, probes, gallery, probes);
    }

    /** The original features as the searched ones (the input of a full-dimension search of the same items). */
    public SearchInput original() {
        return of(originalGallery, originalProbes);
    }
}
