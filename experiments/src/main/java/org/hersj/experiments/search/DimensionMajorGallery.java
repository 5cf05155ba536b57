package org.hersj.experiments.search;

/**
 * A plaintext gallery laid out for fast scoring: rows are cut into blocks of {@link #BLOCK} items and
 * each block is stored dimension-major ({@code block[j * BLOCK + i]} is coordinate {@code j} of item
 * {@code i}), the same layout the encrypted search uses for its SIMD slots. Scoring a probe against a
 * block is then a sequence of {@code axpy} updates over contiguous memory, which the JIT vectorises.
 */
final class DimensionMajorGallery {

    /** Items per block; a block of 512-d vectors is 128 KB and stays in the L2 cache. */
    static final int BLOCK = 64;

    private final float[][] blocks;
    private final int size;
    private final int dimension;

    /**
     * @param rows gallery rows, all of one dimension
     */
    DimensionMajorGallery(float[][] rows) {
        this.size = rows.length;
        this.dimension = rows[0].length;
        this.blocks = new float[(size + BLOCK - 1) / BLOCK][];
        for (int b = 0; b < blocks.length; b++) {
            float[] block = new float[dimension * BLOCK];
            for (int i = 0; i < BLOCK && b * BLOCK + i < size; i++) {
                float[] row = rows[b * BLOCK + i];
                if (row.length != dimension) {
                    throw new IllegalArgumentException("gallery row " + (b * BLOCK + i) + " has dimension " + row.length
                            + "; expected " + dimension);
                }
                for (int j = 0; j < dimension; j++) {
                    block[j * BLOCK + i] = row[j];
                }
            }
            blocks[b] = block;
        }
    }

    /** @return number of items */
    int size() {
        return size;
    }

    /** @return number of blocks */
    int blockCount() {
        return blocks.length;
    }

    /** @return vector dimension */
    int dimension() {
        return dimension;
    }

    /**
     * Scores a tile of probes against one block.
     *
     * @param block  block index
     * @param probes probe rows
     * @param from   first probe of the tile
     * @param to     end (exclusive) of the tile
     * @param scores {@code scores[p - from][i]} receives the inner product of probe {@code p} and item
     *               {@code i} of the block (entries past the gallery's end are 0)
     */
    void scoreBlock(int block, float[][] probes, int from, int to, float[][] scores) {
        float[] data = blocks[block];
        for (int p = from; p < to; p++) {
            java.util.Arrays.fill(scores[p - from], 0f);
        }
        for (int j = 0; j < dimension; j++) {
            int offset = j * BLOCK;
            for (int p = from; p < to; p++) {
                float coordinate = probes[p][j];
                float[] acc = scores[p - from];
                for (int i = 0; i < BLOCK; i++) {
                    acc[i] += coordinate * data[offset + i];
                }
            }
        }
    }
}
