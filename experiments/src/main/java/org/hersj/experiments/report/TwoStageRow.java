package org.hersj.experiments.report;

/**
 * One row of {@code two-stage.csv}: a two-stage search next to the single-stage searches it combines,
 * on the same gallery and probes. Times are wall milliseconds summed over all probes (client and server
 * steps in one process).
 *
 * @param dataset         dataset name
 * @param method          reduction method of stage 1's features
 * @param stage1Dimension reduced dimension searched in stage 1
 * @param stage2Dimension full dimension re-scored in stage 2
 * @param k               stage-1 shortlist size
 * @param galleryItems    enrolled items (identities + distractors)
 * @param probes          probes searched
 * @param rank1Full       rank-1 of single-stage encrypted search with the full-dimension features
 * @param rank1Reduced    rank-1 of single-stage encrypted search with the reduced features (stage 1's top 1)
 * @param rank1TwoStage   rank-1 of two-stage search (top 1 of the stage-2 re-ranking)
 * @param recallAtK       fraction of probes whose enrolled mate is in stage 1's top K
 * @param top1EqualsFull  fraction of probes whose two-stage top 1 is the full-dimension search's top 1
 * @param fullMs          single-stage full-dimension encrypted search time
 * @param stage1Ms        stage-1 time (= single-stage reduced search keeping K)
 * @param stage2Ms        stage-2 time
 */
public record TwoStageRow(String dataset, String method, int stage1Dimension, int stage2Dimension, int k,
                          int galleryItems, int probes, double rank1Full, double rank1Reduced, double rank1TwoStage,
                          double recallAtK, double top1EqualsFull, double fullMs, double stage1Ms, double stage2Ms) {

    /** @return two-stage search time, stage 1 + stage 2 */
    public double totalMs() {
        return stage1Ms + stage2Ms;
    }

    /** @return single-stage full-dimension time over two-stage time */
    public double speedUp() {
        return fullMs / totalMs();
    }
}
