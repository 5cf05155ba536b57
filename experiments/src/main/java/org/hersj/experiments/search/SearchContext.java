package org.hersj.experiments.search;

import java.nio.file.Path;
import org.hersj.experiments.config.FheConfig;

/**
 * What a {@link SearcherProvider} gets from the run.
 *
 * @param seed      the search stage's seed, split from the run's seed (for deterministic test modes only;
 *                  encrypted search draws keys and noise from a SecureRandom)
 * @param cacheRoot the experiment's stage cache ({@code results/<experiment>/cache}), where encrypted
 *                  galleries are kept for reuse
 * @param fhe       CKKS preset, engine and threads
 */
public record SearchContext(long seed, Path cacheRoot, FheConfig fhe) {
}
