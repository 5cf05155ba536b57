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
 */
public record SearchContext(long seed, Path cacheRoot, FheConfig fhe, TwoStageConfig twoStage) {

    /**
     * A context without two-stage settings.
     *
     * @param seed      the search seed
     * @param cacheRoot the stage cache
     * @param fhe       FHE settings
     */
    public SearchContext(long seed, Path cacheRoot, FheConfig fhe) {
        this(seed, cacheRoot, fhe, null);
    }
}
