package org.hersj.fhe.search.twostage;

import java.util.SplittableRandom;
import org.hersj.fhe.search.enroll.SyntheticRows;

/**
 * Generated two-stage data: unit full-dimension rows, their first {@code reducedDim} features
 * renormalised as the "reduced" rows (a crude stand-in for DeepMDS++), and probes that are noisy
 * copies of chosen mates.
 */
final class TwoStageFixture {

  final float[][] full;
  final float[][] reduced;

  TwoStageFixture(int n, int fullDim, int reducedDim, long seed) {
    full = SyntheticRows.materialize(n, fullDim, seed);
    reduced = new float[n][];
    for (int i = 0; i < n; i++) {
      reduced[i] = reduce(full[i], reducedDim);
    }
  }

  /** The first {@code dim} features of {@code row}, renormalised. */
  static float[] reduce(float[] row, int dim) {
    float[] out = new float[dim];
    double norm = 0;
    for (int j = 0; j < dim; j++) {
      out[j] = row[j];
      norm += (double) row[j] * row[j];
    }
    float inv = (float) (1 / Math.sqrt(norm));
    for (int j = 0; j < dim; j++) {
      out[j] *= inv;
    }
    return out;
  }

  /** A unit probe: item {@code mate}'s full row plus Gaussian noise of {@code sigma} per feature. */
  float[] probeNear(int mate, double sigma, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] p = full[mate].clone();
    double norm = 0;
    for (int j = 0; j < p.length; j++) {
      p[j] += (float) (sigma * gaussian(rnd));
      norm += (double) p[j] * p[j];
    }
    for (int j = 0; j < p.length; j++) {
      p[j] /= (float) Math.sqrt(norm);
    }
    return p;
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += (double) a[j] * b[j];
    }
    return s;
  }

  private static double gaussian(SplittableRandom rnd) {
    return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }
}
