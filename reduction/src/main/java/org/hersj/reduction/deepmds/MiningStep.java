package org.hersj.reduction.deepmds;

/**
 * One entry of the hard-mining schedule: from epoch {@code fromEpoch} on, each batch keeps the
 * {@code hardPairs} largest-error genuine pairs and the {@code hardPairs} largest-error impostor pairs
 * out of the scored candidates, and fills the rest of the batch at random.
 *
 * @param fromEpoch first epoch (0-based, within a stage) at which this entry applies; at least 0
 * @param hardPairs hard pairs kept per kind; at most the pairs per batch of that kind
 */
public record MiningStep(int fromEpoch, int hardPairs) {
}
