package org.hersj.experiments.protocol;

/**
 * A closed-set identification split: a gallery of one enrolled sample per identity plus distractors,
 * and probes whose identity is enrolled exactly once. Arrays are shared, not copied.
 *
 * @param gallery         enrolled unit vectors: identities first (in order of first appearance), then
 *                        distractors
 * @param galleryLabels   identity of each gallery row; -1 for distractors
 * @param probes          probe unit vectors
 * @param probeLabels     identity of each probe (always enrolled)
 * @param identities      number of enrolled identities
 * @param distractors     number of enrolled distractors
 */
public record IdentificationSplit(float[][] gallery, int[] galleryLabels, float[][] probes, int[] probeLabels,
                                  int identities, int distractors) {

    /** Checks that the arrays agree in length. */
    public IdentificationSplit {
        if (gallery.length != galleryLabels.length || probes.length != probeLabels.length) {
            throw new IllegalArgumentException("vectors and labels differ in count");
        }
        if (identities + distractors != gallery.length) {
            throw new IllegalArgumentException("gallery size " + gallery.length + " != identities " + identities
                    + " + distractors " + distractors);
        }
    }

    /**
     * @param gallery new gallery vectors, same order
     * @param probes  new probe vectors, same order
     * @return this split with the vectors replaced (e.g. after a reduction)
     */
    public IdentificationSplit withVectors(float[][] gallery, float[][] probes) {
        return new IdentificationSplit(gallery, galleryLabels, probes, probeLabels, identities, distractors);
    }
}
