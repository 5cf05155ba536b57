package org.hersj.experiments.search;

/**
 * Builds the {@link Searcher} of one search mode for a run; registered in the run's stage registry.
 */
@FunctionalInterface
public interface SearcherProvider {

    /**
     * @param context the run's search seed, stage cache and FHE settings
     * @return a searcher
     */
    Searcher create(SearchContext context);
}
