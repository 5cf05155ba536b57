package org.hersj.fhe.search.server;

import java.nio.ByteBuffer;
import org.hersj.fhe.search.backend.BackendCiphertext;

/**
 * Scores one gallery record against a probe. One instance per thread, holding its own evaluator and
 * ciphertext buffers; {@link RecordScan} makes one per worker through a {@link Factory}.
 */
public interface RecordScorer {

  /**
   * Reads the record's ciphertext payloads from {@code payload} and writes its score ciphertext
   * into {@code score}.
   *
   * @param items items in this record (the rest of a last block is zero padding)
   */
  void score(ByteBuffer payload, int items, BackendCiphertext score);

  /** Makes one scorer per scoring thread. */
  @FunctionalInterface
  interface Factory {
    /** A new scorer for one thread. */
    RecordScorer newScorer();
  }
}
