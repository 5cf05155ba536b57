package org.hersj.fhe.search.twostage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ckks.CkksSearchKeys;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.RowSource;
import org.hersj.fhe.search.enroll.SyntheticRows;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.store.EncryptedProbe;

/**
 * Generated two-stage data: unit full-dimension rows, their first {@code reducedDim} features
 * renormalised as the "reduced" rows (a crude stand-in for DeepMDS++), and probes that are noisy
 * copies of chosen mates; and what a stage-2 response's slots would hold without blinding (both
 * engines' privacy tests).
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

  /** A packed gallery of the full rows, a probe near one mate and its segment-masked encryptions. */
  record Enrolled(Path gallery, float[] probe, EncryptedProbe masked) {
  }

  /**
   * Enrolls the full rows packed into {@code dir}/full (one thread) and encrypts a masked probe near
   * {@code mate} (noise 0.05 per feature, seed {@code probeSeed}) with {@code client}.
   */
  Enrolled enrollWithProbeNear(EncryptionBackend enroller, ClientBackend client, Path dir, int mate, long probeSeed)
      throws IOException {
    Path gallery = enrollPacked(enroller, 1, dir);
    float[] probe = probeNear(mate, 0.05, probeSeed);
    return new Enrolled(gallery, probe, new TwoStageClient(client).encryptMaskedProbes(probe));
  }

  /** The packed layout of the full rows in ciphertexts of {@code slots} slots. */
  GalleryLayout packedLayout(int slots) {
    return new GalleryLayout(LayoutKind.PACKED_ITEMS, full.length, full[0].length, slots);
  }

  /** The first slot of {@code item}'s segment in a packed record of {@code slots} slots: its score's slot. */
  int segmentStart(long item, int slots) {
    GalleryLayout layout = packedLayout(slots);
    return CandidateGroups.segmentOf(item, layout) * (slots / layout.itemsPerRecord());
  }

  /**
   * Per-feature products probe[j] * item[j] of the candidates laid out as in their group's ciphertext
   * (each at its segment; zeros elsewhere).
   */
  double[] products(float[] probe, long[] candidates, int slots) {
    double[] out = new double[slots];
    for (long c : candidates) {
      int first = segmentStart(c, slots);
      for (int j = 0; j < probe.length; j++) {
        out[first + j] = (double) probe[j] * full[(int) c][j];
      }
    }
    return out;
  }

  /**
   * The non-score slots of a decrypted stage-2 response against the partial sums they would hold
   * unblinded.
   *
   * @param rms root-mean-square of their values (every part)
   * @param correlation correlation of their real parts with the partial sums
   */
  record PartialSumBlinding(double rms, double correlation) {

    /** Fails unless the blinding is far above the products (rms over 100) and uncorrelated with them. */
    void assertHidesThePartialSums() {
      assertTrue(rms > 100, "non-score slots must be blinded far above the products (rms " + rms + ")");
      assertTrue(Math.abs(correlation) < 0.15, "blinding correlated with the partial sums: " + correlation);
    }
  }

  /**
   * Compares every slot k that is not a multiple of {@code segment} (the non-score slots) with what
   * rotate-and-sum leaves there unblinded: the sum of products k .. k + segment - 1 (cyclically).
   *
   * @param decrypted {@code slots} real parts, optionally followed by {@code slots} imaginary parts
   * @param products the per-feature products ({@link #products})
   */
  static PartialSumBlinding partialSumBlinding(double[] decrypted, int slots, double[] products, int segment) {
    int parts = decrypted.length / slots;
    double sumSq = 0;
    double cross = 0;
    double partialSq = 0;
    int count = 0;
    for (int k = 0; k < slots; k++) {
      if (k % segment == 0) {
        continue;
      }
      double partial = 0;
      for (int t = 0; t < segment; t++) {
        partial += products[(k + t) % slots];
      }
      for (int part = 0; part < parts; part++) {
        double v = decrypted[k + part * slots];
        sumSq += v * v;
      }
      cross += decrypted[k] * partial;
      partialSq += partial * partial;
      count++;
    }
    return new PartialSumBlinding(Math.sqrt(sumSq / (parts * count)), cross / Math.sqrt(sumSq / parts * partialSq));
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
