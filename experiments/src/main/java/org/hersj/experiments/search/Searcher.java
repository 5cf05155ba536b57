package org.hersj.experiments.search;

import org.hersj.experiments.progress.Progress;

/**
 * The search stage of the pipeline: enrols a gallery and returns the top-k gallery items for each probe
 * by inner product (vectors are unit length, so this is cosine similarity). Plaintext now; the
 * {@code fhe} module's encrypted search plugs in as another implementation.
 */
public interface Searcher {

    /** @return the mode name used in configs and results, e.g. {@code plaintext} */
    String mode();

    /**
     * @param gallery  gallery rows, all of one dimension
     * @param probes   probe rows of the same dimension
     * @param topK     how many results per probe, {@code 1 <= topK}; capped at the gallery size
     * @param progress receives progress of the search
     * @return the ranked results and timings
     */
    SearchResult search(float[][] gallery, float[][] probes, int topK, Progress progress);
}
