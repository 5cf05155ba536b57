package org.hersj.fhe.search.enroll;

import java.io.IOException;
import java.util.NoSuchElementException;

/**
 * A {@link RowSource} of a known row count and dimension that counts what it delivers and refuses to read
 * past its last row: subclasses only read row {@code index} (and may skip cheaply). The one counting logic
 * behind in-memory, synthetic and file-backed sources.
 */
public abstract class CountedRows implements RowSource {

  private final long count;
  private final int dimension;
  private long delivered;

  /** A source of exactly {@code count} rows of {@code dimension} features. */
  protected CountedRows(long count, int dimension) {
    this.count = count;
    this.dimension = dimension;
  }

  @Override
  public final int dimension() {
    return dimension;
  }

  @Override
  public final long rowCount() {
    return count;
  }

  /**
   * Copies the next row into {@code row}.
   *
   * @throws NoSuchElementException naming the source past its last row
   */
  @Override
  public final void next(float[] row) throws IOException {
    if (delivered >= count) {
      throw new NoSuchElementException(this + " ended after its " + count + " rows");
    }
    read(delivered, row);
    delivered++;
  }

  /** Skips {@code rows} rows; {@link #skipRows} does the source's part. */
  @Override
  public final void skip(long rows) throws IOException {
    skipRows(delivered, rows);
    delivered += rows;
  }

  /** Reads row {@code index} (rows come in order, each once) into {@code row}. */
  protected abstract void read(long index, float[] row) throws IOException;

  /** Moves past {@code rows} rows from row {@code index} on; by default reads and drops them. */
  protected void skipRows(long index, long rows) throws IOException {
    float[] scratch = new float[dimension];
    for (long i = 0; i < rows; i++) {
      read(index + i, scratch);
    }
  }
}
