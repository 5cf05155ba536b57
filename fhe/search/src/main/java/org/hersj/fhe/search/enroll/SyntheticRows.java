package org.hersj.fhe.search.enroll;

import java.util.SplittableRandom;

/**
 * Seeded synthetic gallery: row i is a unit-norm vector of Gaussian features drawn from a generator
 * seeded by (seed, i), so any row can be regenerated alone and {@link #skip} costs nothing. For
 * benchmarks and tests (not a model of real embeddings).
 */
public final class SyntheticRows extends CountedRows {

  private final long seed;

  /** {@code count} rows of {@code dimension} features from {@code seed}. */
  public SyntheticRows(long count, int dimension, long seed) {
    super(count, dimension);
    if (count < 1 || dimension < 1) {
      throw new IllegalArgumentException("need at least one row and one feature");
    }
    this.seed = seed;
  }

  @Override
  protected void read(long index, float[] row) {
    fill(seed, index, row);
  }

  @Override
  protected void skipRows(long index, long rows) {
    // any row regenerates alone: nothing to read
  }

  @Override
  public String toString() {
    return "synthetic source of seed " + seed;
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
