package org.hersj.fhe.search.backend.ckks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.BlockEvaluator;
import org.junit.jupiter.api.Test;

/**
 * A degree-2 score over two primes, decoded without a rescale, gets the flooding its size promises; more
 * flooding bits than fit its scale fall back to the rescale instead of failing or being clipped.
 */
class TwoPrimeFloodingTest {

  @Test
  void aDegreeTwoScoreIsFloodedAsStatedAtTheDefaultAndAtManyBits() {
    CkksSearchKeys keys = CkksSearchKeys.generate(CkksPresets.byName("SEARCH_N4096"), RandomSource.secure());
    CkksClientBackend exact = keys.client().withoutNoiseFlooding();
    BlockEvaluator evaluator = keys.server().newEvaluator();
    int slots = exact.slots();
    BackendCiphertext probe = exact.newCiphertext(1, exact.freshLevel());
    exact.encryptReplicated(0.5, probe);
    double[] column = new double[slots];
    for (int i = 0; i < slots; i++) {
      column[i] = Math.cos(i) / 2;
    }
    BackendCiphertext gallery = exact.newCiphertext(1, exact.freshLevel());
    exact.encryptColumn(column, gallery);
    BackendCiphertext score = keys.server().newCiphertext(2, keys.server().freshLevel());
    evaluator.innerProduct(new BackendCiphertext[] {probe}, new BackendCiphertext[] {gallery}, 1, score);
    double[] clean = new double[slots];
    exact.decrypt(score, clean);
    for (int i = 0; i < slots; i++) {
      assertEquals(column[i] / 2, clean[i], 1e-6, "exact degree-2 score, slot " + i);
    }
    for (int bits : new int[] {12, 20}) {
      CkksClientBackend flooded = keys.client().withNoiseFlooding(bits);
      double stated = flooded.floodingStandardDeviation();
      double[] out = new double[slots];
      double squares = 0;
      int rounds = 4;
      for (int r = 0; r < rounds; r++) {
        flooded.decrypt(score, out);
        for (int i = 0; i < slots; i++) {
          squares += (out[i] - clean[i]) * (out[i] - clean[i]);
        }
      }
      double measured = Math.sqrt(squares / (rounds * slots));
      assertTrue(Math.abs(measured / stated - 1) < 0.1, bits + " bits: measured " + measured + ", stated " + stated);
    }
  }
}
