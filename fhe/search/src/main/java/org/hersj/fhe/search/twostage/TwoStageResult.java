package org.hersj.fhe.search.twostage;

import java.util.List;
import org.hersj.fhe.search.client.Match;

/**
 * Outcome of one two-stage search.
 *
 * @param stage1 stage 1's top K from the reduced gallery, best first (its scores are reduced-space)
 * @param ranking the candidates re-ranked by their stage-2 (full-dimension) scores, best first
 * @param stage1Seconds wall-clock seconds of stage 1 (probe encryption, server scan, decryption, top K)
 * @param stage2Seconds wall-clock seconds of stage 2 (masked probes, server scoring, decryption, ranking)
 * @param stage1CpuSeconds process CPU seconds of stage 1 (all threads; robust on a shared machine)
 * @param stage2CpuSeconds process CPU seconds of stage 2
 * @param groups candidate groups the server scored in stage 2 (one score ciphertext each; about K/S)
 * @param responseBytes size of the stage-2 response (score ciphertexts and group mapping)
 */
public record TwoStageResult(List<Match> stage1, List<Match> ranking, double stage1Seconds,
    double stage2Seconds, double stage1CpuSeconds, double stage2CpuSeconds, int groups,
    long responseBytes) {

  /** Copies the lists. */
  public TwoStageResult {
    stage1 = List.copyOf(stage1);
    ranking = List.copyOf(ranking);
  }

  /** The final top-1 item (best stage-2 score). */
  public long top1() {
    return ranking.get(0).item();
  }

  /** Whether the true mate {@code mate} is among stage 1's top K (one probe's recall@K of stage 1). */
  public boolean stage1Contains(long mate) {
    return stage1.stream().anyMatch(m -> m.item() == mate);
  }

  /** Rank (1 = best) of {@code item} in the final ranking, or -1 if stage 1 dropped it. */
  public int finalRankOf(long item) {
    for (int i = 0; i < ranking.size(); i++) {
      if (ranking.get(i).item() == item) {
        return i + 1;
      }
    }
    return -1;
  }

  /** Total wall-clock seconds of both stages. */
  public double totalSeconds() {
    return stage1Seconds + stage2Seconds;
  }
}
