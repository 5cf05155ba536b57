package org.hersj.reduction.deepmds;

/**
 * How one stage's training ended.
 *
 * @param stage          0-based stage index
 * @param outputWidth    the stage's output width
 * @param steps          steps taken
 * @param finalTrainLoss loss terms of the last training batch
 * @param bestValidation best validation loss (whose weights were kept); NaN without validation
 * @param stoppedEarly   whether early stopping ended the stage
 * @param seconds        wall-clock training time of the stage
 */
public record StageSummary(int stage, int outputWidth, long steps, LossTerms finalTrainLoss, double bestValidation,
                           boolean stoppedEarly, double seconds) {
}
