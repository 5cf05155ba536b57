package org.hersj.reduction.deepmds;

/**
 * One entry of the step schedule: from training step {@code atStep} (counted within a stage) on, the
 * learning rate is {@code factor} times the configured base rate.
 *
 * @param atStep first step (0-based, within a stage) at which the factor applies; at least 0
 * @param factor multiplier of the base learning rate; in (0, 1]
 */
public record LearningRateStep(long atStep, double factor) {
}
