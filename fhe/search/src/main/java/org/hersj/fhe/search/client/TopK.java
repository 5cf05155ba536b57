package org.hersj.fhe.search.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The project's one top-k: keeps the k best (highest score) items of a stream in a bounded binary min-heap
 * of primitives, O(log k) per kept item and no allocation per offer, so plaintext and encrypted search rank
 * the same way at the same cost. Ties go to the lower item index, so rankings are deterministic. Not
 * thread-safe: keep one per thread and {@link #merge} them.
 */
public final class TopK {

  /** Best first: higher score, then lower item index. */
  public static final Comparator<Match> BEST_FIRST =
      Comparator.comparingDouble(Match::score).reversed().thenComparingLong(Match::item);

  private final int capacity;
  private final double[] scores;
  private final long[] items;
  private int size;

  /** Keeps the {@code k} best items, k at least 1. */
  public TopK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    this.capacity = k;
    this.scores = new double[k];
    this.items = new long[k];
  }

  /** Considers {@code item} with {@code score}; NaN scores are refused. */
  public void offer(long item, double score) {
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score of item " + item + " is NaN");
    }
    if (size < capacity) {
      scores[size] = score;
      items[size] = item;
      siftUp(size++);
    } else if (better(score, item, scores[0], items[0])) {
      scores[0] = score;
      items[0] = item;
      siftDown(0);
    }
  }

  /** Adds every item kept by {@code other}. */
  public void merge(TopK other) {
    for (int i = 0; i < other.size; i++) {
      offer(other.items[i], other.scores[i]);
    }
  }

  /** How many items are kept (at most k). */
  public int size() {
    return size;
  }

  /** The kept items, best first. */
  public List<Match> result() {
    List<Match> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(new Match(items[i], scores[i]));
    }
    out.sort(BEST_FIRST);
    return out;
  }

  /** The kept item indices, best first (for callers that index arrays by item). */
  public int[] sortedItems() {
    List<Match> best = result();
    int[] out = new int[best.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.toIntExact(best.get(i).item());
    }
    return out;
  }

  /** The kept scores, best first, as floats (for callers that rank float scores). */
  public float[] sortedScores() {
    List<Match> best = result();
    float[] out = new float[best.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) best.get(i).score();
    }
    return out;
  }

  /** Whether (s1, i1) ranks before (s2, i2). */
  private static boolean better(double s1, long i1, double s2, long i2) {
    int c = Double.compare(s1, s2);
    return c > 0 || (c == 0 && i1 < i2);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!better(scores[parent], items[parent], scores[i], items[i])) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int worst = left;
      int right = left + 1;
      if (right < size && better(scores[left], items[left], scores[right], items[right])) {
        worst = right;
      }
      if (!better(scores[i], items[i], scores[worst], items[worst])) {
        return;
      }
      swap(i, worst);
      i = worst;
    }
  }

  private void swap(int a, int b) {
    double s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
    long x = items[a];
    items[a] = items[b];
    items[b] = x;
  }
}
