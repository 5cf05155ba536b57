package org.hersj.reduction.deepmds;

/**
 * How one stage's training ended.
 *
 * @param stage          0-based stage index
 * @param outputWidth    the stage's output width
 * @param steps          steps taken
 * @param finalTrainLoss loss terms of the last training batch
 * @param startValidation early-stopping score (validation loss, or nearest-neighbour error, per
 *                       {@code early_stop_metric}) of the stage's initial weights (PCA's map with
 *                       {@code init: pca}); NaN without validation
 * @param bestValidation best early-stopping score (whose weights were kept); NaN without validation
 * @param stoppedEarly   whether early stopping ended the stage
 * @param keptEpoch      the epoch after which the kept weights were taken: -1 = the stage's initial
 *                       weights (with {@code init: pca}, PCA's map), else 0-based; without validation the
 *                       last epoch
 * @param seconds        wall-clock training time of the stage
 * @param miningSeconds  part of {@code seconds} spent drawing batches (scoring mining candidates)
 * @param pairsPerStep   genuine + impostor pairs per training batch
 */
public record StageSummary(int stage, int outputWidth, long steps, LossTerms finalTrainLoss, double startValidation,
                           double bestValidation,
                           boolean stoppedEarly, int keptEpoch, double seconds, double miningSeconds,
                           int pairsPerStep) {

    /** @return optimiser steps per second of wall-clock time */
    public double stepsPerSecond() {
        return steps / seconds;
    }

    /** @return training pairs per second of wall-clock time */
    public double pairsPerSecond() {
        return steps * (double) pairsPerStep / seconds;
    }
}
