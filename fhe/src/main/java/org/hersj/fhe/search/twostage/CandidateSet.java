package org.hersj.fhe.search.twostage;

import java.util.Arrays;
import org.hersj.fhe.search.layout.GalleryLayout;

/**
 * The distinct candidate items of a stage-2 request, sorted, checked against a gallery, and the
 * distinct records holding them (ascending): the records the server must read and score.
 */
public final class CandidateSet {

  private final long[] items;
  private final long[] records;

  private CandidateSet(long[] items, long[] records) {
    this.items = items;
    this.records = records;
  }

  /**
   * The candidates {@code candidates} (duplicates allowed and merged) of the gallery {@code layout}.
   *
   * @throws IllegalArgumentException if there is no candidate or one lies outside 0..itemCount-1
   */
  public static CandidateSet of(long[] candidates, GalleryLayout layout) {
    if (candidates == null || candidates.length == 0) {
      throw new IllegalArgumentException("stage 2 needs at least one candidate index");
    }
    long[] sorted = candidates.clone();
    Arrays.sort(sorted);
    if (sorted[0] < 0 || sorted[sorted.length - 1] >= layout.itemCount()) {
      long bad = sorted[0] < 0 ? sorted[0] : sorted[sorted.length - 1];
      throw new IllegalArgumentException("candidate index " + bad + " is outside the gallery's items 0.."
          + (layout.itemCount() - 1) + ": pass indices from stage 1 of the same gallery");
    }
    long[] distinct = Arrays.stream(sorted).distinct().toArray();
    long per = layout.itemsPerRecord();
    long[] recs = Arrays.stream(distinct).map(i -> i / per).distinct().toArray();
    return new CandidateSet(distinct, recs);
  }

  /** Distinct candidate items, ascending. */
  public long[] items() {
    return items.clone();
  }

  /** Distinct records holding candidates, ascending. */
  public long[] records() {
    return records.clone();
  }

  /** Number of distinct records to score. */
  public int recordCount() {
    return records.length;
  }
}
