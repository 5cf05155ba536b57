package org.hersj.fhe.search.twostage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.client.Match;
import org.hersj.fhe.search.client.SearchClient;
import org.hersj.fhe.search.client.TopK;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.store.EncryptedProbe;

/**
 * The key owner's side of stage 2: encrypts the full-dimension probe as S = slots/p segment-masked
 * ciphertexts (masked probe g holds the d features in segment g, zeros elsewhere), and decrypts a
 * {@link Stage2Response} into the scores of the requested candidates.
 */
public final class TwoStageClient {

  private final ClientBackend backend;

  /** A client with the secret-key backend {@code backend}. */
  public TwoStageClient(ClientBackend backend) {
    this.backend = backend;
  }

  /**
   * Encrypts {@code probe} (d features) once per segment of p = 2^ceil(log2 d) slots: ciphertext g
   * holds the features in slots g*p .. g*p+d-1 and zeros elsewhere; S = slots/p fresh ciphertexts,
   * reused for every group of candidates.
   */
  public EncryptedProbe encryptMaskedProbes(float[] probe) {
    return new SearchClient(backend, 1).encryptProbe(probe, LayoutKind.PACKED_ITEMS);
  }

  /**
   * Decrypts {@code response} and returns the stage-2 scores of the distinct {@code candidates},
   * best first (ties to the lower index).
   *
   * @throws IllegalArgumentException if the response's groups do not hold exactly the distinct
   *     candidates (it does not answer this request) or a candidate is outside the gallery
   */
  public List<Match> scores(Stage2Response response, long[] candidates) {
    GalleryLayout layout = response.layout();
    CandidateGroups groups = response.groups();
    long[] asked = CandidateGroups.greedy(candidates, layout).items();
    if (!Arrays.equals(asked, groups.items())) {
      throw new IllegalArgumentException("the stage-2 response scores " + groups.candidateCount()
          + " candidates, not the " + asked.length + " distinct candidates asked: it does not answer this"
          + " candidate list");
    }
    int segment = GalleryLayout.paddedDimension(layout.dimension());
    double[] slots = new double[backend.slots()];
    List<Match> out = new ArrayList<>(asked.length);
    for (int i = 0; i < groups.groupCount(); i++) {
      backend.decrypt(response.scores().get(i), slots);
      for (long item : groups.members(i)) {
        int first = CandidateGroups.segmentOf(item, layout) * segment;
        double score = slots[first];
        if (response.form() == Stage2Form.CLIENT_SUMS_REVEALS_PRODUCTS) {
          for (int j = 1; j < layout.dimension(); j++) {
            score += slots[first + j];
          }
        }
        out.add(new Match(item, score));
      }
    }
    Arrays.fill(slots, 0.0);
    out.sort(TopK.BEST_FIRST);
    return out;
  }
}
