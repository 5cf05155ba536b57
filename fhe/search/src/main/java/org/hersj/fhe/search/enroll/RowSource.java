package org.hersj.fhe.search.enroll;

import java.io.IOException;
import java.util.Iterator;

/**
 * A sequential source of feature rows (an iterator over float[] rows of a known count and
 * dimension), so galleries of 10^7+ items never need to be in memory. Called from one thread at a
 * time.
 */
public interface RowSource extends AutoCloseable {

  /** Feature dimension d of every row. */
  int dimension();

  /** Number of rows the source will deliver. */
  long rowCount();

  /**
   * Copies the next row into {@code row} (length {@link #dimension()}).
   *
   * @throws java.util.NoSuchElementException past the last row
   */
  void next(float[] row) throws IOException;

  /** Skips {@code rows} rows (rows of records a resumed enrollment already has). */
  default void skip(long rows) throws IOException {
    float[] scratch = new float[dimension()];
    for (long i = 0; i < rows; i++) {
      next(scratch);
    }
  }

  @Override
  default void close() throws IOException {
  }

  /** A source over rows in memory (each of length {@code rows[0].length}). */
  static RowSource of(float[][] rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("a gallery needs at least one row");
    }
    return fromIterator(java.util.Arrays.asList(rows).iterator(), rows.length, rows[0].length);
  }

  /** A source over an iterator that will yield exactly {@code count} rows of length {@code dimension}. */
  static RowSource fromIterator(Iterator<float[]> rows, long count, int dimension) {
    return new CountedRows(count, dimension) {
      @Override
      protected void read(long index, float[] row) {
        if (!rows.hasNext()) {
          throw new java.util.NoSuchElementException("row source ended after " + index + " of " + count + " rows");
        }
        float[] r = rows.next();
        if (r.length != dimension) {
          throw new IllegalArgumentException("row " + index + " has " + r.length
              + " features, expected " + dimension);
        }
        System.arraycopy(r, 0, row, 0, dimension);
      }

      @Override
      public String toString() {
        return "row source";
      }
    };
  }
}
