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
 * And what the request's digest does and does not guarantee.
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

  /**
   * The SHA-256 that closes a request catches accidents, not an attacker: whoever changes a candidate
   * and recomputes the digest (no key needed) gets the file accepted. If the files ever carry a MAC or
   * signature, this test fails and the threat model must be updated.
   */
  @Test
  void theDigestDetectsDamageButNotARecomputedForgery(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    byte[] bytes = new Stage2Request(100, "ab", new long[] {3, 7}).encode();
    int lastCandidate = bytes.length - Stage2FileFormat.DIGEST_BYTES - Long.BYTES;
    bytes[lastCandidate + Long.BYTES - 1] ^= 0x01; // candidate 7 -> 6 (big-endian long)
    java.nio.file.Path damaged = java.nio.file.Files.write(dir.resolve("damaged.h2q"), bytes);
    org.junit.jupiter.api.Assertions.assertThrows(org.hersj.fhe.search.store.RecordFileException.class,
        () -> Stage2Request.read(damaged));
    int bodyAt = org.hersj.fhe.io.Envelope.headerLength(bytes);
    byte[] digest = org.hersj.fhe.io.Sha256.of(bytes, bodyAt, bytes.length - Stage2FileFormat.DIGEST_BYTES - bodyAt);
    System.arraycopy(digest, 0, bytes, bytes.length - digest.length, digest.length);
    java.nio.file.Path forged = java.nio.file.Files.write(dir.resolve("forged.h2q"), bytes);
    assertArrayEquals(new long[] {3, 6}, Stage2Request.read(forged).candidates(), "a recomputed digest is accepted");
  }
}
