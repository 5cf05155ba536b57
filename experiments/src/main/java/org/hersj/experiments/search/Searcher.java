package org.hersj.experiments.search;

import org.hersj.experiments.progress.Progress;

/**
 * The search stage of the pipeline: enrols a gallery and returns the top-k gallery items for each probe
 * by inner product (vectors are unit length, so this is cosine similarity). Every mode (plaintext,
 * encrypted, plaintext-probe, two-stage) is one implementation, built by a {@link SearcherProvider}.
 */
public interface Searcher {

    /** @return the mode name used in configs and results, e.g. {@code plaintext} */
    String mode();

    /**
     * @param input    the sweep point's vectors (reduced, and the same items before reduction)
     * @param topK     how many results per probe, {@code 1 <= topK}; capped at the gallery size
     * @param progress receives progress of the search
     * @return the ranked results and timings
     */
    SearchResult search(SearchInput input, int topK, Progress progress);

    /** {@link #search(SearchInput, int, Progress)} of vectors that were not reduced. */
    default SearchResult search(float[][] gallery, float[][] probes, int topK, Progress progress) {
        return search(SearchInput.of(gallery, probes), topK, progress);
    }

    /**
     * Whether this mode's ranking answers for the original features (so it is judged against plaintext
     * search of those, as {@code two-stage} is) rather than for the reduced ones it is given first.
     */
    default boolean rankedAtOriginalDimension() {
        return false;
    }
}
