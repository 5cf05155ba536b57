package org.hersj.experiments.reduce;

import org.hersj.experiments.data.Dataset;

/**
 * What a {@link ReducerProvider} gets to build a reducer.
 *
 * @param inputDimension  dimension of the dataset's vectors
 * @param outputDimension requested output dimension
 * @param data            the whole (unit-normalised) dataset, for methods that fit to data
 * @param seed            the seed of this reduction, split from the run's seed
 */
public record ReductionRequest(int inputDimension, int outputDimension, Dataset data, long seed) {
}
