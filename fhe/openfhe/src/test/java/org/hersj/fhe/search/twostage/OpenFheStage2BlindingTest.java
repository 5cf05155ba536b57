package org.hersj.fhe.search.twostage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.openfhe.jni.OpenFheKeys;
import org.hersj.fhe.openfhe.jni.OpenFheParameters;
import org.hersj.fhe.openfhe.jni.OpenFheSettings;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.ClientBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stage 2 on OpenFHE (SERVER_SUMS, the default): the key owner decrypts every slot of a response with its
 * secret key and finds the candidates' scores on the score slots and, on every other slot, the server's
 * fresh blinding, uncorrelated with the partial sums of per-feature products that rotate-and-sum leaves
 * there and different for every response. SEARCH_N4096 on OpenFHE (2048 real slots), 24 packed 100-d
 * items in segments of 128 slots, candidates in 3 segments of one record. (In a package of the search
 * module's tests to reuse its two-stage fixture.)
 */
class OpenFheStage2BlindingTest {

  private static final int N = 24;
  private static final int FULL = 100;
  private static final int P = 128;
  private static final long[] CANDIDATES = {1, 4, 5};
  private static final OpenFheKeys KEYS = OpenFheKeys.generate(
      OpenFheParameters.from(CkksPresets.SEARCH_N4096, OpenFheSettings.DEFAULT), TwoStageSearch.rotationSteps(FULL));
  private static final TwoStageFixture DATA = new TwoStageFixture(N, FULL, 8, 37);

  @TempDir
  static Path dir;
  private static TwoStageFixture.Enrolled enrolled;

  @BeforeAll
  static void enroll() throws IOException {
    enrolled = DATA.enrollWithProbeNear(KEYS.enroller(), KEYS.client(), dir, 4, 3);
  }

  private static double[] decryptAll() throws IOException {
    Stage2Response response = new Stage2Server(KEYS.server(), 1).score(enrolled.gallery(), enrolled.masked(),
        CANDIDATES, Stage2Form.SERVER_SUMS, ProgressListener.NONE);
    assertEquals(1, response.groups().groupCount(), "the candidates share one group");
    ClientBackend exact = KEYS.client().withoutNoiseFlooding();
    double[] slots = new double[exact.slots()];
    exact.decrypt(response.scores().get(0), slots);
    return slots;
  }

  @Test
  void serverSumsShowsTheScoresAndBlindsEveryOtherSlot() throws IOException {
    double[] slots = decryptAll();
    int n = slots.length;
    float[] probe = enrolled.probe();
    for (long c : CANDIDATES) {
      assertEquals(TwoStageFixture.dot(DATA.full[(int) c], probe), slots[DATA.segmentStart(c, n)], 1e-5,
          "score of " + c);
    }
    double[] prod = DATA.products(probe, CANDIDATES, n);
    TwoStageFixture.partialSumBlinding(slots, n, prod, P).assertHidesThePartialSums();
  }

  @Test
  void blindingIsFreshForEveryResponse() throws IOException {
    double[] first = decryptAll();
    double[] second = decryptAll();
    double diff = 0;
    for (int k = 1; k < first.length; k++) {
      if (k % P == 0) {
        assertEquals(first[k], second[k], 1e-5, "score slot " + k);
      } else {
        diff += Math.abs(first[k] - second[k]);
      }
    }
    assertTrue(diff / first.length > 50, "the same request answered twice must be blinded differently");
  }
}
