package org.hersj.bench.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The benchmarked block scorings decrypt to the expected inner products. */
class BlockScoringBenchmarkTest {

  @Test
  void everyVariantComputesTheBlockScores() {
    SearchBlockFixture f = new SearchBlockFixture();
    f.preset = "SEARCH_N4096";
    f.setUp();
    BlockScoringBenchmark b = new BlockScoringBenchmark();
    assertClose(f.expected, f.decrypt(b.scoreBlockRelinearized(f)), "relinearised block");
    assertClose(f.expected, f.decrypt(b.scoreBlockDegreeTwo(f)), "degree-2 block");
    assertClose(f.expected, b.clientDecryptDegreeTwo(f).clone(), "client decryption, degree 2");
    b.scoreBlockRelinearized(f);
    assertClose(f.expected, b.clientDecryptRelinearized(f).clone(), "client decryption, relinearised");
    double[] prepared = f.decrypt(b.innerProductPrepared(f));
    assertClose(prepared, f.decrypt(b.innerProductPerTerm(f)), "per-term inner product");
    assertClose(prepared, f.decrypt(b.innerProductUnprepared(f)), "unprepared inner product");
    assertClose(f.expected, prepared, "prepared inner product");
  }

  @Test
  void onePrimePresetScoresInDegreeTwoAndReadsPackedPayloadsBack() {
    SearchBlockFixture f = new SearchBlockFixture();
    f.preset = "LITE_N2048";
    f.setUp();
    BlockScoringBenchmark b = new BlockScoringBenchmark();
    assertClose(f.expected, f.decrypt(b.scoreBlockDegreeTwo(f)), 1e-4, "degree-2 block, one prime (LITE_N2048 promises 1e-4)");
    for (String encoding : new String[] {"packed", "words", "seeded"}) {
      switch (encoding) {
        case "packed" -> b.readBlockPacked(f);
        case "words" -> b.readBlockWords(f);
        default -> b.readBlockSeeded(f);
      }
      assertClose(f.expected, f.decrypt(b.scoreBlockDegreeTwo(f)), 1e-4, "block after reading " + encoding + " payloads");
    }
  }

  private static void assertClose(double[] expected, double[] actual, String what) {
    assertClose(expected, actual, 1e-7, what);
  }

  private static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], tolerance, what + ", slot " + i);
    }
  }
}
