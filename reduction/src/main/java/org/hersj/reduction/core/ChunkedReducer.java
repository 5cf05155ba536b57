package org.hersj.reduction.core;

/**
 * Base of every reducer: validates and normalises input rows, cuts large inputs into chunks of at most
 * {@link Reducer#DEFAULT_CHUNK_ROWS} rows, and normalises the output rows. Subclasses map one chunk.
 */
public abstract class ChunkedReducer implements Reducer {

    private final int inputDimension;
    private final int outputDimension;

    /**
     * @param inputDimension  width of the input rows (at least 1)
     * @param outputDimension width of the output rows (at least 1)
     */
    protected ChunkedReducer(int inputDimension, int outputDimension) {
        if (inputDimension < 1 || outputDimension < 1) {
            throw new IllegalArgumentException("reducer dimensions must be positive, got "
                    + inputDimension + " -> " + outputDimension);
        }
        this.inputDimension = inputDimension;
        this.outputDimension = outputDimension;
    }

    @Override
    public final int inputDimension() {
        return inputDimension;
    }

    @Override
    public final int outputDimension() {
        return outputDimension;
    }

    @Override
    public final float[][] reduce(float[][] unitVectors) {
        float[][] out = new float[unitVectors.length][];
        for (int start = 0; start < unitVectors.length; start += DEFAULT_CHUNK_ROWS) {
            int end = Math.min(unitVectors.length, start + DEFAULT_CHUNK_ROWS);
            float[][] chunk = new float[end - start][];
            for (int i = start; i < end; i++) {
                chunk[i - start] = UnitVectors.normalisedRow(unitVectors[i], inputDimension, method() + " input", i);
            }
            float[][] mapped = reduceChunk(chunk);
            for (int i = start; i < end; i++) {
                out[i] = UnitVectors.normalisedRow(mapped[i - start], outputDimension, method() + " output", i);
            }
        }
        return out;
    }

    /**
     * Maps one chunk of normalised rows.
     *
     * @param normalisedRows at most {@link Reducer#DEFAULT_CHUNK_ROWS} unit rows of the input width
     * @return one row of the output width per input row (normalised afterwards by the caller)
     */
    protected abstract float[][] reduceChunk(float[][] normalisedRows);

    @Override
    public String toString() {
        return method() + " " + inputDimension + " -> " + outputDimension;
    }
}
