package org.hersj.fhe.search.testing;

/** Plaintext reference scores for tests. */
public final class GeneratedGallery {

  private GeneratedGallery() {
  }

  /** Plaintext inner products of every gallery row with {@code probe}, in double precision. */
  public static double[] plainScores(float[][] gallery, float[] probe) {
    double[] scores = new double[gallery.length];
    for (int i = 0; i < gallery.length; i++) {
      double s = 0;
      for (int j = 0; j < probe.length; j++) {
        s += (double) gallery[i][j] * probe[j];
      }
      scores[i] = s;
    }
    return scores;
  }

  /** Index of the largest score (lowest index on ties). */
  public static int argmax(double[] scores) {
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    return best;
  }
}
