package org.hersj.experiments.config;

/**
 * {@code metrics}: what to measure besides rank-1.
 *
 * @param cmcMaxRank the CMC curve is reported for ranks 1 to this (capped at the gallery size);
 *                   default 10
 */
public record MetricsConfig(Integer cmcMaxRank) {

    /** Default CMC length. */
    public static final int DEFAULT_CMC_MAX_RANK = 10;

    /** Checks values and fills in defaults. */
    public MetricsConfig {
        cmcMaxRank = cmcMaxRank == null ? DEFAULT_CMC_MAX_RANK : cmcMaxRank;
        Checks.atLeast("cmcMaxRank", cmcMaxRank, 1);
    }

    /** @return the defaults */
    public static MetricsConfig defaults() {
        return new MetricsConfig(null);
    }
}
