package org.hersj.fhe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.hersj.fhe.search.baseline.Boddeti2018Search;
import org.hersj.fhe.search.client.Match;
import org.hersj.fhe.search.client.SearchClient;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.RowSource;
import org.hersj.fhe.search.enroll.SyntheticRows;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.layout.OperationCounts;
import org.hersj.fhe.search.server.EncryptedSearchServer;
import org.hersj.fhe.search.server.PlaintextProbeSearchWeakerThreatModel;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.server.SearchReport;
import org.hersj.fhe.search.store.EncryptedProbe;
import org.hersj.fhe.search.testing.Backends;
import org.hersj.fhe.search.testing.GeneratedGallery;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end checks any backend must pass: enroll a generated gallery, encrypt probes, score on the
 * server side, decrypt and rank on the client side, and compare with plaintext inner products.
 * Subclasses supply the backends and the precision bound.
 */
public abstract class SearchRoundTripContract {

  /** Number of probes per test set. */
  protected static final int PROBES = 4;

  @TempDir
  protected Path dir;

  /** The backends under test (same key pair). */
  protected abstract Backends backends();

  /** Largest tolerated absolute score error. */
  protected abstract double tolerance();

  /** Worker threads for enrollment, search and decryption. */
  protected int threads() {
    return 2;
  }

  /** Outcome of one probe set: the largest absolute score error seen. */
  protected record Outcome(double maxError, OperationCounts operations) {
  }

  /** Enrolls {@code gallery} with {@code kind} packing into a fresh store and returns its directory. */
  protected Path enroll(float[][] gallery, LayoutKind kind, String name) throws IOException {
    Path store = dir.resolve(name);
    new GalleryEnroller(backends().client(), threads(), 4).enroll(RowSource.of(gallery), kind, store,
        ProgressListener.NONE);
    return store;
  }

  /**
   * Probes: gallery items perturbed slightly (so top-1 is a real match) and random vectors; returns the
   * largest score error and asserts the top-1 equals the plaintext one unless within tolerance of a tie.
   */
  protected Outcome searchAndCompare(float[][] gallery, Path store, Mode mode) throws IOException {
    return searchAndCompare(gallery, store, mode, LayoutKind.HERS_SIMD);
  }

  /** As above, encrypting HERS probes for a gallery of {@code hersKind}. */
  protected Outcome searchAndCompare(float[][] gallery, Path store, Mode mode, LayoutKind hersKind)
      throws IOException {
    int d = gallery[0].length;
    SplittableRandom rnd = new SplittableRandom(11);
    SearchClient client = new SearchClient(backends().client(), threads());
    double maxError = 0;
    OperationCounts ops = null;
    for (int p = 0; p < PROBES; p++) {
      float[] probe = p % 2 == 0 ? perturbed(gallery[rnd.nextInt(gallery.length)], rnd)
          : SyntheticRows.materialize(1, d, 1000 + p)[0];
      double[] expected = GeneratedGallery.plainScores(gallery, probe);
      Path scores = dir.resolve("scores-" + mode + "-" + p + ".hrec");
      SearchReport report = run(mode, store, probe, client, scores, hersKind);
      ops = report.operations();
      double[] actual = client.allScores(scores, ProgressListener.NONE);
      assertEquals(expected.length, actual.length);
      for (int i = 0; i < expected.length; i++) {
        maxError = Math.max(maxError, Math.abs(expected[i] - actual[i]));
      }
      List<Match> top = client.topK(scores, 3, ProgressListener.NONE);
      int plainTop = GeneratedGallery.argmax(expected);
      boolean nearTie = expected[(int) top.get(0).item()] >= expected[plainTop] - 2 * tolerance();
      assertTrue(top.get(0).item() == plainTop || nearTie,
          "probe " + p + ": encrypted top-1 " + top.get(0) + " but plaintext top-1 is item " + plainTop);
      assertEquals(actual[(int) top.get(0).item()], top.get(0).score(), 0.0);
    }
    assertTrue(maxError <= tolerance(), "largest score error " + maxError + " exceeds " + tolerance());
    return new Outcome(maxError, ops);
  }

  /** Which search to run. */
  protected enum Mode { ENCRYPTED, ENCRYPTED_DEGREE_TWO, PLAINTEXT_PROBE, BODDETI_2018 }

  private SearchReport run(Mode mode, Path store, float[] probe, SearchClient client, Path scores,
      LayoutKind hersKind) throws IOException {
    switch (mode) {
      case ENCRYPTED, ENCRYPTED_DEGREE_TWO -> {
        Path probeFile = dir.resolve("probe.hrec");
        client.encryptProbe(probe, hersKind).write(probeFile, backends().client());
        EncryptedProbe onServer = EncryptedProbe.read(probeFile, backends().server());
        ScoreForm form = mode == Mode.ENCRYPTED ? ScoreForm.RELINEARIZED : ScoreForm.DEGREE_TWO;
        return new EncryptedSearchServer(backends().server(), threads())
            .search(store, onServer, form, scores, ProgressListener.NONE);
      }
      case PLAINTEXT_PROBE -> {
        return new PlaintextProbeSearchWeakerThreatModel(backends().server(), threads())
            .search(store, probe, scores, ProgressListener.NONE);
      }
      default -> {
        EncryptedProbe ep = client.encryptProbe(probe, LayoutKind.BODDETI_2018);
        return new Boddeti2018Search(backends().server(), threads())
            .search(store, ep, scores, ProgressListener.NONE);
      }
    }
  }

  /** Runs the encrypted HERS search on a generated gallery and checks operation counts. */
  protected Outcome hersRoundTrip(int items, int dimension, Mode mode) throws IOException {
    return hersRoundTrip(items, dimension, mode, LayoutKind.HERS_SIMD);
  }

  /** As above with the HERS layout {@code hersKind} (ignored for the Boddeti baseline). */
  protected Outcome hersRoundTrip(int items, int dimension, Mode mode, LayoutKind hersKind) throws IOException {
    float[][] gallery = SyntheticRows.materialize(items, dimension, 7 + dimension);
    LayoutKind kind = mode == Mode.BODDETI_2018 ? LayoutKind.BODDETI_2018 : hersKind;
    Path store = enroll(gallery, kind, "gallery-" + mode + "-" + kind + "-" + items + "x" + dimension);
    Outcome outcome = searchAndCompare(gallery, store, mode, hersKind);
    OperationCounts predicted = OperationCounts.predicted(
        new GalleryLayout(kind, items, dimension, backends().client().slots()));
    if (mode == Mode.ENCRYPTED || mode == Mode.BODDETI_2018) {
      assertEquals(predicted, outcome.operations());
    } else {
      assertEquals(predicted.multiplications(), outcome.operations().multiplications());
      assertEquals(0, outcome.operations().relinearizations());
    }
    return outcome;
  }

  private static float[] perturbed(float[] row, SplittableRandom rnd) {
    float[] out = row.clone();
    double norm = 0;
    for (int j = 0; j < out.length; j++) {
      out[j] += (float) (0.05 * (rnd.nextDouble() - 0.5));
      norm += out[j] * out[j];
    }
    for (int j = 0; j < out.length; j++) {
      out[j] /= (float) Math.sqrt(norm);
    }
    return out;
  }
}
