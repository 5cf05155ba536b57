package org.hersj.reduction.core;

/** No reduction: returns the normalised input rows unchanged (the full-dimension baseline). */
public final class IdentityReducer extends ChunkedReducer {

    /** @param dimension the width of the rows (at least 1) */
    public IdentityReducer(int dimension) {
        super(dimension, dimension);
    }

    @Override
    public String method() {
        return "identity";
    }

    @Override
    protected float[][] reduceChunk(float[][] normalisedRows) {
        return normalisedRows;
    }
}
