package org.hersj.fhe.search.enroll;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Feature rows that can be opened at any row, so each shard of a sharded enrollment (possibly a task on
 * another machine) reads only its own range. Serializable: implementations carry what is needed to reopen
 * the rows (a file name, a seed, or the rows themselves when small), never an open stream.
 */
public interface RowRanges extends Serializable {

  /** Feature dimension d of every row. */
  int dimension();

  /** Number of rows. */
  long rowCount();

  /**
   * A source of rows {@code first .. first + count - 1}.
   *
   * @throws IndexOutOfBoundsException if the range is not inside {@code 0 .. rowCount() - 1}
   */
  RowSource open(long first, long count) throws IOException;

  /** Checks that {@code first .. first + count - 1} lies inside {@code 0 .. rowCount - 1}. */
  static void checkRange(long first, long count, long rowCount) {
    if (first < 0 || count < 1 || first + count > rowCount) {
      throw new IndexOutOfBoundsException("rows " + first + ".." + (first + count - 1) + " outside 0.." + (rowCount - 1));
    }
  }

  /** Rows held in memory (shipped whole to every task: small galleries only). */
  static RowRanges of(float[][] rows) {
    float[][] copy = Arrays.stream(rows).map(float[]::clone).toArray(float[][]::new);
    if (copy.length == 0) {
      throw new IllegalArgumentException("a gallery needs at least one row");
    }
    return new InMemory(copy);
  }

  /** The seeded synthetic gallery of {@link SyntheticRows}: any range is regenerated where it is needed. */
  static RowRanges synthetic(long count, int dimension, long seed) {
    new SyntheticRows(count, dimension, seed); // checks the arguments
    return new Synthetic(count, dimension, seed);
  }

  /** Rows in memory. */
  record InMemory(float[][] rows) implements RowRanges {
    @Override
    public int dimension() {
      return rows[0].length;
    }

    @Override
    public long rowCount() {
      return rows.length;
    }

    @Override
    public RowSource open(long first, long count) {
      checkRange(first, count, rows.length);
      return RowSource.of(Arrays.copyOfRange(rows, (int) first, (int) (first + count)));
    }
  }

  /** Synthetic rows by seed. */
  record Synthetic(long count, int dimension, long seed) implements RowRanges {
    @Override
    public long rowCount() {
      return count;
    }

    @Override
    public RowSource open(long first, long rows) {
      checkRange(first, rows, count);
      return new CountedRows(rows, dimension) {
        @Override
        protected void read(long index, float[] row) {
          SyntheticRows.fill(seed, first + index, row);
        }

        @Override
        protected void skipRows(long index, long skipped) {
          // any row regenerates alone: nothing to read
        }

        @Override
        public String toString() {
          return "synthetic rows " + first + ".." + (first + rows - 1) + " of seed " + seed;
        }
      };
    }
  }
}
