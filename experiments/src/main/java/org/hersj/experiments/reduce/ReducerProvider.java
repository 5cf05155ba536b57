package org.hersj.experiments.reduce;

/**
 * Builds reducers for one method name; registered in the run's stage registry.
 */
public interface ReducerProvider {

    /** @return the method name used in configs, e.g. {@code identity} */
    String method();

    /**
     * @param inputDimension  the dataset's dimension
     * @param outputDimension a requested output dimension
     * @return why this pair is not supported, or {@code null} if it is
     */
    String checkDimensions(int inputDimension, int outputDimension);

    /** @return whether this method is fitted to training identities (default false) */
    default boolean needsTrainingData() {
        return false;
    }

    /**
     * @param request dimensions, training data, seed and cache
     * @return a ready reducer
     */
    ReductionStage create(ReductionRequest request);
}
