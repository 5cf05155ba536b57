package org.hersj.reduction.deepmds;

/**
 * Receives training progress (for a progress bar with the running loss). Called on the training thread;
 * implementations should be quick. All methods default to doing nothing.
 */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** @param step the step just taken */
    default void onStep(TrainingStep step) {
    }

    /**
     * @param lastStep       the last step of the epoch
     * @param validationLoss the validation loss after the epoch, NaN without validation
     */
    default void onEpochEnd(TrainingStep lastStep, double validationLoss) {
    }

    /** @param summary the finished stage */
    default void onStageEnd(StageSummary summary) {
    }
}
