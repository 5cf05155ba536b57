package org.hersj.experiments.search;

import java.nio.file.Path;
import org.hersj.experiments.config.FheConfig;
import org.hersj.experiments.config.TwoStageConfig;

/**
 * What a {@link SearcherProvider} gets from the run.
 *
 * @param seed      the search stage's seed, split from the run's seed (for deterministic test modes only;
 *                  encrypted search draws keys and noise from a SecureRandom)
 * @param cacheRoot the experiment's stage cache ({@code results/<experiment>/cache}), where encrypted
 *                  galleries are kept for reuse
 * @param fhe       CKKS preset, engine and threads
 * @param twoStage  the {@code two-stage} mode's settings, or null when the config has none
 * @param original  the sweep point's gallery and probes before reduction (the dataset's own features),
 *                  which the {@code two-stage} mode re-scores in stage 2
 */
public record SearchContext(long seed, Path cacheRoot, FheConfig fhe, TwoStageConfig twoStage,
                            OriginalFeatures original) {

    /**
     * A context without two-stage settings or original features (modes that search only the vectors they
     * are given).
     *
     * @param seed      the search seed
     * @param cacheRoot the stage cache
     * @param fhe       FHE settings
     */
    public SearchContext(long seed, Path cacheRoot, FheConfig fhe) {
        this(seed, cacheRoot, fhe, null, null);
    }

    /**
     * The gallery and probes of a sweep point before reduction, row for row the same items as the reduced
     * ones the searcher is given.
     *
     * @param gallery original gallery rows (unit length)
     * @param probes  original probe rows (unit length)
     */
    public record OriginalFeatures(float[][] gallery, float[][] probes) {
    }
}
