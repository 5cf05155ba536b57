package org.hersj.reduction.deepmds;

/**
 * Progress of one training step, handed to a {@link TrainingListener}.
 *
 * @param stage         0-based stage being trained
 * @param stageCount    number of stages in the chain
 * @param outputWidth   output width of the stage being trained
 * @param epoch         0-based epoch within the stage
 * @param epochs        configured epochs per stage
 * @param step          0-based step within the stage
 * @param stepsPerStage configured steps per stage (epochs x steps per epoch)
 * @param loss          the loss terms of this step's batch
 * @param runningLoss   exponential moving average (0.98) of the total loss within the stage
 */
public record TrainingStep(int stage, int stageCount, int outputWidth, int epoch, int epochs, long step,
                           long stepsPerStage, LossTerms loss, double runningLoss) {
}
