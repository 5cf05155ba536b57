package org.hersj.experiments.reduce;

/**
 * A dimensionality reduction stage of the pipeline: maps unit vectors of {@link #inputDimension()} to
 * vectors of {@link #outputDimension()} (the runner re-normalises them). Same shape as the
 * {@code reduction} module's {@code Reducer}, so its implementations plug in through a thin adapter.
 */
public interface Reducer {

    /** @return the method name as used in configs and results, e.g. {@code identity} */
    String method();

    /** @return the dimension of the input vectors */
    int inputDimension();

    /** @return the dimension of the output vectors */
    int outputDimension();

    /**
     * @param unitVectors rows of {@link #inputDimension()} values, unit length; not modified
     * @return new rows of {@link #outputDimension()} values
     */
    float[][] reduce(float[][] unitVectors);
}
