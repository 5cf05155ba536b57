package org.hersj.fhe.search.backend.ckks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.hersj.fhe.search.baseline.Boddeti2018Search;
import org.hersj.fhe.search.layout.LayoutKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search contract on the pure-Java CKKS engine with the 128-bit SEARCH_N8192 preset (4096 slots):
 * encrypted top-1 equals plaintext top-1 and every score is within 1e-6 of the plaintext inner product.
 */
class CkksSearchTest extends CkksKeysContract {

  /** Keys are made once per JVM (deterministic test stream; insecure by design, tests only). */
  /** Keys are made once per JVM. */
  private static final class Keys {
    static final KeySets SETS = KeySets.generate("SEARCH_N8192", "SEARCH_N4096", 1, Boddeti2018Search.rotationSteps(16));
    static final CkksSearchKeys MAIN = SETS.main();
  }

  private static final double GOAL = 1e-6;

  CkksSearchTest() {
    super(() -> Keys.SETS);
  }

  @Override
  protected double tolerance() {
    return GOAL;
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 32, 64})
  void encryptedTop1AndScoresMatchPlaintextOnTwoBlocksNotAMultipleOfTheBlock(int d) throws IOException {
    Outcome o = hersRoundTrip(4096 + 123, d, Mode.ENCRYPTED);
    System.out.printf("CKKS N=8192 d=%d: largest score error %.3g%n", d, o.maxError());
  }

  @Test
  void encryptedSearchAt512Dimensions() throws IOException {
    Outcome o = hersRoundTrip(300, 512, Mode.ENCRYPTED);
    System.out.printf("CKKS N=8192 d=512: largest score error %.3g%n", o.maxError());
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 64})
  void complexSlotsHoldTwoItemsAndMatchPlaintextOnBlocksNotAMultipleOfTheBlock(int d) throws IOException {
    Outcome o = hersRoundTrip(2 * 4096 + 4096 + 17, d, Mode.ENCRYPTED, LayoutKind.HERS_COMPLEX);
    assertEquals(2, o.operations().relinearizations(), "8192 items per block: two blocks for 12305 items");
    System.out.printf("CKKS N=8192 complex slots d=%d: largest score error %.3g%n", d, o.maxError());
  }

  @Test
  void preparedProbeSharedByTwoThreadsOnGalleriesLongEnoughToPrepare() throws IOException {
    // 4 complex blocks (relinearised) and 3 real blocks with an odd number of terms (degree 2)
    Outcome complex = hersRoundTrip(3 * 8192 + 4096 + 9, 16, Mode.ENCRYPTED, LayoutKind.HERS_COMPLEX);
    assertEquals(4, complex.operations().relinearizations());
    hersRoundTrip(3 * 4096 + 5, 17, Mode.ENCRYPTED_DEGREE_TWO, LayoutKind.HERS_SIMD);
    assertTrue(3 >= org.hersj.fhe.search.server.EncryptedSearchServer.PREPARE_FROM_BLOCKS,
        "both galleries take the prepared path");
  }

  @Test
  void complexSlotsInEveryHersMode() throws IOException {
    hersRoundTrip(1, 16, Mode.ENCRYPTED, LayoutKind.HERS_COMPLEX);
    hersRoundTrip(4096 + 3, 16, Mode.ENCRYPTED_DEGREE_TWO, LayoutKind.HERS_COMPLEX);
    hersRoundTrip(4096 + 5, 16, Mode.PLAINTEXT_PROBE, LayoutKind.HERS_COMPLEX);
  }

  @Test
  void oneItemGallery() throws IOException {
    hersRoundTrip(1, 16, Mode.ENCRYPTED);
  }

  @Test
  void degreeTwoScoresDecryptWithSAndSSquared() throws IOException {
    Outcome o = hersRoundTrip(4096 + 7, 16, Mode.ENCRYPTED_DEGREE_TWO);
    assertEquals(0, o.operations().relinearizations());
  }

  @Test
  void plaintextProbeModeMatches() throws IOException {
    hersRoundTrip(1000, 16, Mode.PLAINTEXT_PROBE);
  }

  @Test
  void boddetiBaselineMatches() throws IOException {
    Outcome o = hersRoundTrip(40, 16, Mode.BODDETI_2018);
    assertEquals(40 * 4, o.operations().rotations());
  }

  @Test
  void serverBackendExposesOnlyPublicMaterial() {
    for (var c : CkksServerBackend.class.getConstructors()) {
      for (Class<?> p : c.getParameterTypes()) {
        assertTrue(p != org.hersj.fhe.ckks.SecretKey.class, "a server constructor takes a secret key");
      }
    }
    assertTrue(!Keys.MAIN.toString().contains("s=") && Keys.MAIN.toString().contains("redacted"));
  }
}
