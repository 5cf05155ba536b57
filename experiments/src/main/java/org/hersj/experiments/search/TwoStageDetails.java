package org.hersj.experiments.search;

/**
 * What a two-stage search measured besides its final ranking: stage 1's shortlists and the
 * single-stage full-dimension search it is compared with, so the run can report rank-1 of each,
 * stage 1's recall@K and the speed-up.
 *
 * @param k             stage-1 shortlist size used (capped at the gallery size)
 * @param stage2Dimension the full dimension re-scored in stage 2
 * @param stage1Indices {@code stage1Indices[p]}: stage 1's top K for probe {@code p}, best first by the
 *                      reduced (decrypted) scores: single-stage reduced search's ranking
 * @param stage1Nanos   wall time of stage 1 over all probes (probe encryption, server scan, decryption, top K)
 * @param stage2Nanos   wall time of stage 2 over all probes (masked probes, server scoring of the K
 *                      candidates, decryption, re-ranking)
 * @param fullDimension single-stage encrypted search of the original full-dimension features (same
 *                      engine and preset), the baseline of the speed-up
 */
public record TwoStageDetails(int k, int stage2Dimension, int[][] stage1Indices, long stage1Nanos, long stage2Nanos,
                              SearchResult fullDimension) {
}
