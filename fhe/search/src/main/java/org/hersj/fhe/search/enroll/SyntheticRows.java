package org.hersj.fhe.search.enroll;

import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Seeded synthetic gallery: row i is a unit-norm vector of Gaussian features drawn from a generator
 * seeded by (seed, i), so any row can be regenerated alone and {@link #skip} costs nothing. For
 * benchmarks and tests (not a model of real embeddings).
 */
public final class SyntheticRows implements RowSource {

  private final long count;
  private final int dimension;
  private final long seed;
  private long nextRow;

  /** {@code count} rows of {@code dimension} features from {@code seed}. */
  public SyntheticRows(long count, int dimension, long seed) {
    if (count < 1 || dimension < 1) {
      throw new IllegalArgumentException("need at least one row and one feature");
    }
    this.count = count;
    this.dimension = dimension;
    this.seed = seed;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public long rowCount() {
    return count;
  }

  @Override
  public void next(float[] row) {
    if (nextRow >= count) {
      throw new NoSuchElementException("synthetic source has only " + count + " rows");
    }
    fill(seed, nextRow++, row);
  }

  @Override
  public void skip(long rows) {
    nextRow += rows;
  }

  /** Row {@code index} of the gallery with {@code seed}, written into {@code row}. */
  public static void fill(long seed, long index, float[] row) {
    SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    double norm = 0;
    for (int j = 0; j < row.length; j++) {
      double u = rnd.nextDouble();
      double v = rnd.nextDouble();
      double g = Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
      row[j] = (float) g;
      norm += g * g;
    }
    float inv = (float) (1 / Math.sqrt(norm));
    for (int j = 0; j < row.length; j++) {
      row[j] *= inv;
    }
  }

  /** All rows in memory (for small galleries). */
  public static float[][] materialize(int count, int dimension, long seed) {
    float[][] rows = new float[count][dimension];
    for (int i = 0; i < count; i++) {
      fill(seed, i, rows[i]);
    }
    return rows;
  }
}
