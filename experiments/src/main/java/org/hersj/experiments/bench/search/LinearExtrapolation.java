package org.hersj.experiments.bench.search;

import java.util.List;

/**
 * Least-squares line t = intercept + slope * n through measured (n, seconds) points, used to
 * extrapolate search time to gallery sizes that were not run.
 *
 * @param intercept fixed cost in seconds
 * @param secondsPerItem slope
 * @param points number of points fitted
 */
public record LinearExtrapolation(double intercept, double secondsPerItem, int points) {

  /** Fits the line through {@code items[i], seconds[i]}; with one point the line goes through the origin. */
  public static LinearExtrapolation fit(List<Long> items, List<Double> seconds) {
    int k = items.size();
    if (k == 0 || k != seconds.size()) {
      throw new IllegalArgumentException("need as many times as sizes, and at least one");
    }
    if (k == 1) {
      return new LinearExtrapolation(0, seconds.get(0) / items.get(0), 1);
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < k; i++) {
      mx += items.get(i);
      my += seconds.get(i);
    }
    mx /= k;
    my /= k;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < k; i++) {
      double dx = items.get(i) - mx;
      sxy += dx * (seconds.get(i) - my);
      sxx += dx * dx;
    }
    if (sxx == 0) {
      return new LinearExtrapolation(0, my / mx, k);
    }
    double slope = sxy / sxx;
    return new LinearExtrapolation(my - slope * mx, slope, k);
  }

  /** Predicted seconds for a gallery of {@code n} items. */
  public double secondsAt(double n) {
    return intercept + secondsPerItem * n;
  }
}
