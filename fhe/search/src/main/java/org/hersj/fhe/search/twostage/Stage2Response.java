package org.hersj.fhe.search.twostage;

import java.util.List;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.OperationCounts;

/**
 * What the server returns for a stage-2 request: one score ciphertext (degree 1, score level) per group
 * of candidates; the score of the group's candidate at segment g is in slot g*p (or, with
 * {@link Stage2Form#CLIENT_SUMS_REVEALS_PRODUCTS}, its per-feature products in slots g*p .. g*p+d-1). Only the key
 * owner can read the scores.
 *
 * @param layout the packed gallery's layout
 * @param form whether the server summed the segments (score in slot g*p) or left it to the client
 * @param groups the candidate groups; group i's members (each at its own segment) are scored by
 *     {@code scores.get(i)}
 * @param scores the score ciphertext of each group, in the order of the groups
 * @param payloadBytesPerScore serialised size of one score ciphertext
 * @param seconds wall-clock seconds of the server's work (read, verify, score)
 * @param cpuSeconds thread CPU seconds of that work, summed over threads
 * @param operations homomorphic operations performed
 */
public record Stage2Response(GalleryLayout layout, Stage2Form form, CandidateGroups groups,
    List<BackendCiphertext> scores, int payloadBytesPerScore, double seconds, double cpuSeconds,
    OperationCounts operations) {

  /** Checks one score per group and that the groups belong to {@code layout}. */
  public Stage2Response {
    scores = List.copyOf(scores);
    if (groups.groupCount() != scores.size()) {
      throw new IllegalArgumentException(groups.groupCount() + " groups but " + scores.size() + " scores");
    }
    if (!groups.layout().equals(layout)) {
      throw new IllegalArgumentException("the candidate groups were made for another gallery layout");
    }
  }

  /**
   * Size of the response on the wire: the score ciphertexts plus the group mapping (a 4-byte member count
   * per group and an 8-byte item index per candidate).
   */
  public long responseBytes() {
    return (long) groups.groupCount() * (payloadBytesPerScore + Integer.BYTES)
        + (long) groups.candidateCount() * Long.BYTES;
  }
}
