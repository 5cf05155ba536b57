package org.hersj.reduction.deepmds;

/** Receives the model after each finished stage (e.g. to save it as a checkpoint file). */
@FunctionalInterface
public interface StageCheckpoint {

    /** Keeps no checkpoints. */
    StageCheckpoint NONE = model -> { };

    /** @param model the chain trained so far, ending at the stage just finished */
    void stageFinished(DeepMdsModel model);
}
