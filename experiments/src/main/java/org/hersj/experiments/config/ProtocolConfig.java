package org.hersj.experiments.config;

/**
 * {@code protocol}: how the dataset is split into gallery, probes and distractors.
 *
 * @param gallery        which sample of each identity is enrolled; only {@code first-sample} (the
 *                       default): the first sample in file order is enrolled, the rest are probes
 * @param maxDistractors at most this many distractors (label -1) are enrolled, in file order;
 *                       default all
 * @param maxProbes      at most this many probes are searched, chosen at random with the run's seed;
 *                       default all
 * @param trainIdentities fraction of the identities (chosen with the run's seed) whose samples are used
 *                       only to train reductions ({@code pca}, {@code deepmds}, {@code deepmds++}); the
 *                       other identities and the distractors are evaluated, so no test identity is ever
 *                       trained on. In (0, 1); default 0.5; ignored when no reduction is trained
 */
public record ProtocolConfig(String gallery, Integer maxDistractors, Integer maxProbes, Double trainIdentities) {

    /** The only gallery selection so far. */
    public static final String FIRST_SAMPLE = "first-sample";

    /** Checks values and fills in defaults. */
    public ProtocolConfig {
        gallery = gallery == null ? FIRST_SAMPLE : gallery;
        if (!gallery.equals(FIRST_SAMPLE)) {
            throw new ConfigValueException("gallery", "'" + gallery + "' is not supported; expected " + FIRST_SAMPLE);
        }
        if (maxDistractors != null) {
            Checks.atLeast("maxDistractors", maxDistractors, 0);
        }
        if (maxProbes != null) {
            Checks.atLeast("maxProbes", maxProbes, 1);
        }
        trainIdentities = trainIdentities == null ? 0.5 : trainIdentities;
        if (!(trainIdentities > 0 && trainIdentities < 1)) {
            throw new ConfigValueException("trainIdentities", "is " + trainIdentities + "; expected a fraction in (0, 1)");
        }
    }

    /** @return the default protocol: first sample enrolled, all distractors and probes */
    public static ProtocolConfig defaults() {
        return new ProtocolConfig(null, null, null, null);
    }
}
