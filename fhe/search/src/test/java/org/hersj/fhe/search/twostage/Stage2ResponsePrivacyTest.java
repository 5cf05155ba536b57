package org.hersj.fhe.search.twostage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.ckks.CkksClientBackend;
import org.hersj.fhe.search.backend.ckks.CkksSearchKeys;
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
  private static TwoStageFixture.Enrolled enrolled;

  @BeforeAll
  static void enroll() throws IOException {
    enrolled = DATA.enrollWithProbeNear(KEYS.enroller(), KEYS.client(), dir, 4, 3);
  }

  /** Real then imaginary parts of every slot of the response's only group, decrypted exactly. */
  private static double[] decryptAll(Stage2Form form) throws IOException {
    Stage2Response response = new Stage2Server(KEYS.server(), 1).score(enrolled.gallery(), enrolled.masked(),
        CANDIDATES, form, ProgressListener.NONE);
    assertEquals(1, response.groups().groupCount(), "the candidates share one group");
    CkksClientBackend exact = KEYS.client().withoutNoiseFlooding();
    double[] slots = new double[2 * PARAMS.slots()];
    exact.decryptPairs(response.scores().get(0), slots);
    return slots;
  }

  @Test
  void serverSumsShowsTheScoresAndBlindsEveryOtherSlot() throws IOException {
    double[] slots = decryptAll(Stage2Form.SERVER_SUMS);
    int n = PARAMS.slots();
    float[] probe = enrolled.probe();
    for (long c : CANDIDATES) {
      assertEquals(TwoStageFixture.dot(DATA.full[(int) c], probe), slots[DATA.segmentStart(c, n)], 1e-6,
          "score of " + c);
    }
    double[] prod = DATA.products(probe, CANDIDATES, n);
    TwoStageFixture.partialSumBlinding(slots, n, prod, P).assertHidesThePartialSums();
    // the attack on unblinded partial sums: slot(first + j) - slot(first + j + 1) = prod_j - prod_{j+p}
    for (long c : CANDIDATES) {
      int first = DATA.segmentStart(c, n);
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
    double[] prod = DATA.products(enrolled.probe(), CANDIDATES, PARAMS.slots());
    for (long c : CANDIDATES) {
      int first = DATA.segmentStart(c, PARAMS.slots());
      for (int j = 0; j < FULL; j++) {
        assertEquals(prod[first + j], slots[first + j], 1e-6, "product " + j + " of candidate " + c);
      }
    }
  }
}
