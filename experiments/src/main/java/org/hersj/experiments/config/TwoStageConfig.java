package org.hersj.experiments.config;

/**
 * {@code twoStage}: the settings of the {@code two-stage} search mode (stage 1: encrypted HERS search of
 * the reduced gallery, keeping the {@code k} best items; stage 2: those {@code k} re-scored with the
 * original full-dimension features, encrypted). Required when any {@code search} list names
 * {@code two-stage}, refused otherwise. A two-stage row is made for every sweep point of dimension
 * {@code stage1Dimension} whose search modes include {@code two-stage}; points of other dimensions skip
 * that mode (so one chain {@code dimensions: [64, 32, 16]} can list it).
 *
 * @param k               stage-1 shortlist size, {@code >= 1} and at most the gallery size; required
 * @param stage1Dimension the reduced dimension searched in stage 1 (e.g. 16); required
 * @param stage2Dimension the full dimension re-scored in stage 2: the dataset's own dimension (identity
 *                        features); default the dataset's dimension, and if given it must equal it
 */
public record TwoStageConfig(Integer k, Integer stage1Dimension, Integer stage2Dimension) {

    /** The search mode name configs use. */
    public static final String MODE = "two-stage";

    /** Checks values. */
    public TwoStageConfig {
        Checks.atLeast("k", k, 1);
        Checks.atLeast("stage1Dimension", stage1Dimension, 1);
        if (stage2Dimension != null) {
            Checks.atLeast("stage2Dimension", stage2Dimension, 2);
            if (stage1Dimension >= stage2Dimension) {
                throw new ConfigValueException("stage1Dimension", "is " + stage1Dimension + " but stage2Dimension is "
                        + stage2Dimension + "; expected a reduced dimension smaller than the full one");
            }
        }
    }

    /**
     * @param dimension a sweep point's dimension
     * @return whether a two-stage row is made for it
     */
    public boolean searchesDimension(int dimension) {
        return dimension == stage1Dimension;
    }
}
