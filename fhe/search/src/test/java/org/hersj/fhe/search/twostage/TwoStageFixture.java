package org.hersj.fhe.search.twostage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ckks.CkksSearchKeys;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.RowSource;
import org.hersj.fhe.search.enroll.SyntheticRows;
import org.hersj.fhe.search.layout.LayoutKind;

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

  /**
   * SEARCH_N4096 keys (2048 slots) with the rotation keys stage 2 of {@code fullDim}-d features needs, from
   * the deterministic test stream {@code seed} (tests only).
   */
  static CkksSearchKeys stage2Keys(int fullDim, long seed) {
    return CkksSearchKeys.generate(CkksPresets.byName("SEARCH_N4096"), RandomSource.seededForTestsOnly(seed),
        TwoStageSearch.rotationSteps(fullDim));
  }

  /** Enrolls the full-dimension rows as a packed gallery into {@code dir}/full and returns that directory. */
  Path enrollPacked(EncryptionBackend enroller, int threads, Path dir) throws IOException {
    Path gallery = dir.resolve("full");
    new GalleryEnroller(enroller, threads, 4).enroll(RowSource.of(full), LayoutKind.PACKED_ITEMS, gallery,
        ProgressListener.NONE);
    return gallery;
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
