package org.hersj.experiments.search;

/**
 * Builds the {@link Searcher} of one search mode for a run; registered in the run's stage registry.
 */
@FunctionalInterface
public interface SearcherProvider {

    /**
     * @param seed the search stage's seed, split from the run's seed (for deterministic test modes only;
     *             encrypted search must draw keys and noise from a SecureRandom in normal runs)
     * @return a searcher
     */
    Searcher create(long seed);
}
