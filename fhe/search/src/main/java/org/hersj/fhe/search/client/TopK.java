package org.hersj.fhe.search.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Keeps the k best (highest score) items of a stream in O(log k) per item; ties go to the lower
 * item index. Not thread-safe: keep one per thread and {@link #merge} them.
 */
public final class TopK {

  /** Best first: higher score, then lower item index. */
  public static final Comparator<Match> BEST_FIRST =
      Comparator.comparingDouble(Match::score).reversed().thenComparingLong(Match::item);

  private final int k;
  private final PriorityQueue<Match> worstOnTop = new PriorityQueue<>(BEST_FIRST.reversed());

  /** Keeps the {@code k} best items, k at least 1. */
  public TopK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    this.k = k;
  }

  /** Considers {@code item} with {@code score}; NaN scores are refused. */
  public void offer(long item, double score) {
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score of item " + item + " is NaN");
    }
    if (worstOnTop.size() < k) {
      worstOnTop.add(new Match(item, score));
      return;
    }
    Match worst = worstOnTop.peek();
    if (score > worst.score() || (score == worst.score() && item < worst.item())) {
      worstOnTop.poll();
      worstOnTop.add(new Match(item, score));
    }
  }

  /** Adds every item kept by {@code other}. */
  public void merge(TopK other) {
    for (Match m : other.worstOnTop) {
      offer(m.item(), m.score());
    }
  }

  /** The kept items, best first. */
  public List<Match> result() {
    List<Match> out = new ArrayList<>(worstOnTop);
    out.sort(BEST_FIRST);
    return out;
  }
}
