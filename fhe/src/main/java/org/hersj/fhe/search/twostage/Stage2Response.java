package org.hersj.fhe.search.twostage;

import java.util.List;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.OperationCounts;

/**
 * What the server returns for a stage-2 request: one score ciphertext (degree 1, score level) per
 * touched record of the packed full-dimension gallery; the score of the record's item g is in slot
 * g*p. Only the key owner can read the scores.
 *
 * @param layout the packed gallery's layout
 * @param form whether the server summed the segments (score in slot g*p) or left it to the client
 * @param records the touched records, ascending
 * @param scores the score ciphertext of each touched record, in the order of {@code records}
 * @param payloadBytesPerScore serialised size of one score ciphertext
 * @param seconds wall-clock seconds of the server's work (read, verify, score)
 * @param cpuSeconds thread CPU seconds of that work, summed over threads
 * @param operations homomorphic operations performed
 */
public record Stage2Response(GalleryLayout layout, Stage2Form form, long[] records, List<BackendCiphertext> scores,
    int payloadBytesPerScore, double seconds, double cpuSeconds, OperationCounts operations) {

  /** Checks one score per record. */
  public Stage2Response {
    records = records.clone();
    scores = List.copyOf(scores);
    if (records.length != scores.size()) {
      throw new IllegalArgumentException(records.length + " records but " + scores.size() + " scores");
    }
  }

  @Override
  public long[] records() {
    return records.clone();
  }

  /** Size of the response on the wire: the score ciphertexts plus 8 bytes per record index. */
  public long responseBytes() {
    return (long) records.length * (payloadBytesPerScore + Long.BYTES);
  }
}
