package org.hersj.experiments.reduce;

/**
 * Builds {@link Reducer}s for one method name; registered in the run's stage registry.
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

    /**
     * @param request dimensions, data and seed
     * @return a ready reducer
     */
    Reducer create(ReductionRequest request);
}
