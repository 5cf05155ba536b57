package org.hersj.experiments.reduce;

import java.nio.file.Path;
import org.hersj.experiments.config.ReductionConfig;
import org.hersj.experiments.data.Dataset;
import org.hersj.experiments.progress.Progress;

/**
 * What a {@link ReducerProvider} gets to build a reducer for one dimension of one reduction entry.
 *
 * @param entry           the config entry (method, all its dimensions, label, training schedule)
 * @param inputDimension  dimension of the dataset's vectors
 * @param outputDimension requested output dimension
 * @param train           training samples (identities disjoint from the evaluated ones), or null when
 *                        the run trains nothing
 * @param seed            the entry's seed, split from the run's seed (the same for all its dimensions)
 * @param cacheRoot       the experiment's stage cache ({@code results/<experiment>/cache}), or null for none
 * @param progress        receives training progress
 */
public record ReductionRequest(ReductionConfig entry, int inputDimension, int outputDimension, Dataset train,
                               long seed, Path cacheRoot, Progress progress) {
}
