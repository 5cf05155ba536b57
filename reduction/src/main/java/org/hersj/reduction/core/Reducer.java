package org.hersj.reduction.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A map from unit vectors of {@link #inputDimension()} dims to unit vectors of
 * {@link #outputDimension()} dims. Only plain Java arrays cross this boundary, so callers never see
 * ND4J types. Implementations L2-normalise every input row first (a zero row is rejected) and return
 * L2-normalised rows; large inputs are processed in chunks of bounded size.
 */
public interface Reducer {

    /** Default number of rows a streaming call hands to {@link #reduce(float[][])} at a time. */
    int DEFAULT_CHUNK_ROWS = 4096;

    /** @return a short method name: {@code identity}, {@code pca}, {@code deepmds} or {@code deepmds++}. */
    String method();

    /** @return the width of the vectors this reducer accepts. */
    int inputDimension();

    /** @return the width of the vectors this reducer returns. */
    int outputDimension();

    /**
     * Reduces every row.
     *
     * @param unitVectors rows of {@link #inputDimension()} floats (normalised again here)
     * @return one L2-normalised row of {@link #outputDimension()} floats per input row
     * @throws IllegalArgumentException naming the row whose width is wrong or which is zero / not finite
     */
    float[][] reduce(float[][] unitVectors);

    /**
     * Streams rows through the reducer in chunks of at most {@code chunkRows}, so memory stays bounded
     * however many rows the iterator yields. The sink receives each reduced chunk in input order.
     *
     * @param rows      the input rows
     * @param chunkRows the largest chunk handed to {@code sink} (at least 1)
     * @param sink      receives the reduced rows of each chunk
     * @return the number of rows reduced
     */
    default long reduce(Iterator<float[]> rows, int chunkRows, Consumer<float[][]> sink) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows = " + chunkRows + ": expected at least 1");
        }
        long total = 0;
        List<float[]> chunk = new ArrayList<>(Math.min(chunkRows, DEFAULT_CHUNK_ROWS));
        while (rows.hasNext()) {
            chunk.add(rows.next());
            if (chunk.size() == chunkRows) {
                sink.accept(reduce(chunk.toArray(new float[0][])));
                total += chunk.size();
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            sink.accept(reduce(chunk.toArray(new float[0][])));
            total += chunk.size();
        }
        return total;
    }
}
