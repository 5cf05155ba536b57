package org.hersj.experiments.reduce;

/**
 * No reduction: output equals input. The baseline row of every sweep.
 */
public final class IdentityReducer implements Reducer {

    /** The method name, {@code identity}. */
    public static final String METHOD = "identity";

    private final int dimension;

    /** @param dimension input and output dimension */
    public IdentityReducer(int dimension) {
        this.dimension = dimension;
    }

    /** @return a provider that accepts only output dimension = input dimension */
    public static ReducerProvider provider() {
        return new ReducerProvider() {
            @Override
            public String method() {
                return METHOD;
            }

            @Override
            public String checkDimensions(int inputDimension, int outputDimension) {
                return inputDimension == outputDimension ? null : "identity keeps the input dimension "
                        + inputDimension + "; omit dimensions or give [" + inputDimension + "]";
            }

            @Override
            public Reducer create(ReductionRequest request) {
                return new IdentityReducer(request.inputDimension());
            }
        };
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public int inputDimension() {
        return dimension;
    }

    @Override
    public int outputDimension() {
        return dimension;
    }

    @Override
    public float[][] reduce(float[][] unitVectors) {
        float[][] out = new float[unitVectors.length][];
        for (int i = 0; i < out.length; i++) {
            if (unitVectors[i].length != dimension) {
                throw new IllegalArgumentException("row " + i + " has dimension " + unitVectors[i].length
                        + "; expected " + dimension);
            }
            out[i] = unitVectors[i].clone();
        }
        return out;
    }
}
