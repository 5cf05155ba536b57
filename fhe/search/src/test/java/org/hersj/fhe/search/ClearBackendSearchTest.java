package org.hersj.fhe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.hersj.fhe.search.testing.Backends;
import org.hersj.fhe.search.testing.ClearTestBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search contract on the clear test backend (no encryption, 8 slots): checks the layout, store
 * and role logic exactly (scores equal plaintext inner products up to float rounding).
 */
class ClearBackendSearchTest extends SearchRejectionContract {

  private final ClearTestBackend backend = new ClearTestBackend(8, "params-a", "key-1");

  @Override
  protected Backends backends() {
    return new Backends(backend, backend);
  }

  @Override
  protected Backends otherKeys() {
    ClearTestBackend other = new ClearTestBackend(8, "params-a", "key-2");
    return new Backends(other, other);
  }

  @Override
  protected Backends otherParameters() {
    ClearTestBackend other = new ClearTestBackend(8, "params-b", "key-1");
    return new Backends(other, other);
  }

  @Override
  protected double tolerance() {
    return 1e-12;
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 32, 64, 512})
  void encryptedProbeMatchesPlaintextOnAGalleryNotAMultipleOfTheBlock(int d) throws IOException {
    hersRoundTrip(8 * 3 + 5, d, Mode.ENCRYPTED);
  }

  @Test
  void complexLayoutOnAnEngineWithoutComplexSlotsIsRefusedBeforeAnythingIsWritten() {
    java.nio.file.Path store = dir.resolve("complex-on-real");
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> enroll(org.hersj.fhe.search.enroll.SyntheticRows.materialize(9, 4, 1),
            org.hersj.fhe.search.layout.LayoutKind.HERS_COMPLEX, "complex-on-real"));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("--layout hers"), e.getMessage());
    org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(store), "nothing written");
  }

  @Test
  void oneItemGallery() throws IOException {
    hersRoundTrip(1, 16, Mode.ENCRYPTED);
  }

  @Test
  void degreeTwoScoresMatch() throws IOException {
    hersRoundTrip(19, 16, Mode.ENCRYPTED_DEGREE_TWO);
  }

  @Test
  void plaintextProbeModeMatches() throws IOException {
    hersRoundTrip(19, 16, Mode.PLAINTEXT_PROBE);
  }

  @Test
  void boddetiBaselineMatchesAndCountsRotations() throws IOException {
    Outcome o = hersRoundTrip(11, 5, Mode.BODDETI_2018);
    assertEquals(11 * 3, o.operations().rotations()); // 5 features pad to 8 slots: 3 rotations
  }
}
