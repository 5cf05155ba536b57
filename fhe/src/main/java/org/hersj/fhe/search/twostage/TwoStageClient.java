package org.hersj.fhe.search.twostage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.client.Match;
import org.hersj.fhe.search.client.TopK;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.store.EncryptedProbe;

/**
 * The key owner's side of stage 2: encrypts the full-dimension probe tiled into every segment of a
 * packed record, and decrypts a {@link Stage2Response} into the scores of the requested candidates.
 */
public final class TwoStageClient {

  private final ClientBackend backend;

  /** A client with the secret-key backend {@code backend}. */
  public TwoStageClient(ClientBackend backend) {
    this.backend = backend;
  }

  /**
   * Encrypts {@code probe} (d features) repeated in every segment of p = 2^ceil(log2 d) slots: one
   * ciphertext, reused for every touched record.
   */
  public EncryptedProbe encryptTiledProbe(float[] probe) {
    if (probe.length == 0) {
      throw new IllegalArgumentException("the probe has no features");
    }
    int perRecord = new GalleryLayout(LayoutKind.PACKED_ITEMS, 1, probe.length, backend.slots()).itemsPerRecord();
    int segment = GalleryLayout.paddedDimension(probe.length);
    double[] slots = new double[backend.slots()];
    for (int g = 0; g < perRecord; g++) {
      for (int j = 0; j < probe.length; j++) {
        slots[g * segment + j] = probe[j];
      }
    }
    BackendCiphertext ct = backend.newCiphertext(1, backend.freshLevel());
    backend.encryptColumn(slots, ct);
    Arrays.fill(slots, 0.0);
    return new EncryptedProbe(LayoutKind.PACKED_ITEMS, probe.length, List.of(ct));
  }

  /**
   * Decrypts {@code response} and returns the stage-2 scores of the distinct {@code candidates},
   * best first (ties to the lower index).
   *
   * @throws IllegalArgumentException if a candidate's record is missing from the response (the response
   *     does not answer this request) or a candidate is outside the gallery
   */
  public List<Match> scores(Stage2Response response, long[] candidates) {
    GalleryLayout layout = response.layout();
    long[] items = CandidateSet.of(candidates, layout).items();
    long[] records = response.records();
    int per = layout.itemsPerRecord();
    int segment = GalleryLayout.paddedDimension(layout.dimension());
    double[] slots = new double[backend.slots()];
    List<Match> out = new ArrayList<>(items.length);
    int decrypted = -1;
    for (long item : items) {
      int at = Arrays.binarySearch(records, item / per);
      if (at < 0) {
        throw new IllegalArgumentException("the stage-2 response has no scores for record " + item / per
            + " (candidate " + item + "): it does not answer this candidate list");
      }
      if (at != decrypted) {
        backend.decrypt(response.scores().get(at), slots);
        decrypted = at;
      }
      int first = (int) (item % per) * segment;
      double score = slots[first];
      if (response.form() == Stage2Form.CLIENT_SUMS) {
        for (int j = 1; j < layout.dimension(); j++) {
          score += slots[first + j];
        }
      }
      out.add(new Match(item, score));
    }
    Arrays.fill(slots, 0.0);
    out.sort(TopK.BEST_FIRST);
    return out;
  }
}
