package org.hersj.fhe.search.twostage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.ckks.CkksClientBackend;
import org.hersj.fhe.search.backend.ckks.CkksSearchKeys;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.store.EncryptedProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the key owner sees when it decrypts a stage-2 response with its secret key, every slot and both
 * parts of each (exact decryption, no flooding): SEARCH_N4096, 24 packed items of 100-d (segments of
 * 128 slots, S = 16), candidates at 3 segments of one record. With {@link Stage2Form#SERVER_SUMS} the
 * score slots hold the scores and every other slot is the server's fresh blinding, independent of the
 * products (the adjacent-difference attack that recovers per-feature products from the unblinded
 * partial sums fails by orders of magnitude); with {@link Stage2Form#CLIENT_SUMS_REVEALS_PRODUCTS} the
 * per-feature products are there to read, as its name says.
 */
class Stage2ResponsePrivacyTest {

  private static final int N = 24;
  private static final int FULL = 100;
  private static final int P = 128;
  private static final long[] CANDIDATES = {1, 4, 5};
  private static final CkksSearchKeys KEYS = TwoStageFixture.stage2Keys(FULL, 31);
  private static final CkksParameters PARAMS = KEYS.parameters();
  private static final TwoStageFixture DATA = new TwoStageFixture(N, FULL, 8, 37);

  @TempDir
  static Path dir;
  private static Path gallery;
  private static float[] probe;
  private static EncryptedProbe masked;

  @BeforeAll
  static void enroll() throws IOException {
    gallery = DATA.enrollPacked(KEYS.enroller(), 1, dir);
    probe = DATA.probeNear(4, 0.05, 3);
    masked = new TwoStageClient(KEYS.client()).encryptMaskedProbes(probe);
  }

  /** Real then imaginary parts of every slot of the response's only group, decrypted exactly. */
  private static double[] decryptAll(Stage2Form form) throws IOException {
    Stage2Response response = new Stage2Server(KEYS.server(), 1).score(gallery, masked, CANDIDATES, form,
        ProgressListener.NONE);
    assertEquals(1, response.groups().groupCount(), "the candidates share one group");
    CkksClientBackend exact = KEYS.client().withoutNoiseFlooding();
    double[] slots = new double[2 * PARAMS.slots()];
    exact.decryptPairs(response.scores().get(0), slots);
    return slots;
  }

  /** Per-feature products probe[j] * item[j] laid out as in the group's ciphertext (zeros elsewhere). */
  private static double[] products() {
    double[] out = new double[PARAMS.slots()];
    GalleryLayout layout = new GalleryLayout(LayoutKind.PACKED_ITEMS, N, FULL, PARAMS.slots());
    for (long c : CANDIDATES) {
      int first = CandidateGroups.segmentOf(c, layout) * P;
      for (int j = 0; j < FULL; j++) {
        out[first + j] = (double) probe[j] * DATA.full[(int) c][j];
      }
    }
    return out;
  }

  private static int segmentOf(long item) {
    return (int) (item % (PARAMS.slots() / P));
  }

  @Test
  void serverSumsShowsTheScoresAndBlindsEveryOtherSlot() throws IOException {
    double[] slots = decryptAll(Stage2Form.SERVER_SUMS);
    int n = PARAMS.slots();
    for (long c : CANDIDATES) {
      assertEquals(TwoStageFixture.dot(DATA.full[(int) c], probe), slots[segmentOf(c) * P], 1e-6, "score of " + c);
    }
    // the unblinded slot k would hold the sum of products k .. k + p - 1 (rotate-and-sum)
    double[] prod = products();
    double sumSq = 0;
    double cross = 0;
    double partialSq = 0;
    int count = 0;
    for (int k = 0; k < n; k++) {
      if (k % P == 0) {
        continue;
      }
      double partial = 0;
      for (int t = 0; t < P; t++) {
        partial += prod[(k + t) % n];
      }
      double value = slots[k];
      sumSq += value * value + slots[k + n] * slots[k + n];
      cross += value * partial;
      partialSq += partial * partial;
      count++;
    }
    double rms = Math.sqrt(sumSq / (2 * count));
    assertTrue(rms > 100, "non-score slots must be blinded far above the products (rms " + rms + ")");
    double correlation = cross / Math.sqrt(sumSq / 2 * partialSq);
    assertTrue(Math.abs(correlation) < 0.15, "blinding correlated with the partial sums: " + correlation);
    // the attack on unblinded partial sums: slot(first + j) - slot(first + j + 1) = prod_j - prod_{j+p}
    for (long c : CANDIDATES) {
      int first = segmentOf(c) * P;
      double err = 0;
      for (int j = 1; j < FULL - 1; j++) {
        double recovered = slots[first + j] - slots[first + j + 1] + prod[(first + j + P) % n];
        err += Math.pow(recovered - prod[first + j], 2);
      }
      assertTrue(Math.sqrt(err / (FULL - 2)) > 10, "features of candidate " + c + " recoverable");
    }
  }

  @Test
  void blindingIsFreshForEveryResponse() throws IOException {
    double[] first = decryptAll(Stage2Form.SERVER_SUMS);
    double[] second = decryptAll(Stage2Form.SERVER_SUMS);
    int n = PARAMS.slots();
    double diff = 0;
    for (int k = 1; k < n; k++) {
      if (k % P == 0) {
        assertEquals(first[k], second[k], 1e-6, "score slot " + k);
      } else {
        diff += Math.abs(first[k] - second[k]);
      }
    }
    assertTrue(diff / n > 50, "the same request answered twice must be blinded differently: " + diff / n);
  }

  @Test
  void clientSumsRevealsEveryPerFeatureProduct() throws IOException {
    double[] slots = decryptAll(Stage2Form.CLIENT_SUMS_REVEALS_PRODUCTS);
    double[] prod = products();
    for (long c : CANDIDATES) {
      int first = segmentOf(c) * P;
      for (int j = 0; j < FULL; j++) {
        assertEquals(prod[first + j], slots[first + j], 1e-6, "product " + j + " of candidate " + c);
      }
    }
  }
}
