package org.hersj.fhe.search.twostage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The stage-2 request does not carry stage 1's ranking: {@link Stage2Request#inRandomOrder} sends the
 * same candidates in a uniformly random order. Over 640 requests of 64 candidates the best one lands at
 * each of the 64 positions about 10 times; a best-first request would put it at position 0 every time.
 */
class Stage2RequestOrderTest {

  private static final int K = 64;
  private static final int TRIALS = 640;

  @Test
  void candidatesAreSentInARandomOrderNotBestFirst() {
    long[] bestFirst = LongStream.range(0, K).map(i -> 1000 - 7 * i).toArray();
    int[] positionOfBest = new int[K];
    int unchanged = 0;
    for (int t = 0; t < TRIALS; t++) {
      long[] sent = Stage2Request.inRandomOrder(2000, "ab", bestFirst).candidates();
      long[] sorted = sent.clone();
      Arrays.sort(sorted);
      long[] expected = bestFirst.clone();
      Arrays.sort(expected);
      assertArrayEquals(expected, sorted, "the same candidates, each once");
      if (Arrays.equals(sent, bestFirst)) {
        unchanged++;
      }
      for (int i = 0; i < K; i++) {
        if (sent[i] == bestFirst[0]) {
          positionOfBest[i]++;
        }
      }
    }
    assertTrue(unchanged == 0, "a request kept stage 1's order");
    // uniform: 10 expected per position; a chi-square over 63 degrees of freedom above 120 has p < 1e-5
    double chi2 = 0;
    for (int count : positionOfBest) {
      chi2 += Math.pow(count - TRIALS / (double) K, 2) / (TRIALS / (double) K);
    }
    assertTrue(chi2 < 120, "position of the best candidate is not uniform (chi-square " + chi2 + ")");
    assertFalse(positionOfBest[0] > TRIALS / 8, "best candidate first in " + positionOfBest[0] + " of " + TRIALS);
  }
}
