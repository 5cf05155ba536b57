package org.hersj.experiments.config;

/**
 * {@code reduction[i].training}: the DeepMDS / DeepMDS++ training schedule of one reduction entry,
 * mapped onto the {@code reduction} module's {@code DeepMdsConfig} (paper values scaled down by the
 * schedule keys). Ignored by {@code identity} and {@code pca}.
 *
 * @param epochs           epochs per stage; default 4
 * @param stepsPerEpoch    optimiser steps per epoch; default 50
 * @param pairsPerKind     genuine and impostor pairs per batch (each); default 128
 * @param miningCandidates candidate pairs per kind scored for hard mining; default 4 x pairsPerKind
 * @param covarianceWeight weight of the covariance penalty; default 10 for {@code deepmds++}, 0 for
 *                         {@code deepmds} (which must not set it above 0)
 * @param hardMining       hard pair mining; default true for {@code deepmds++}, false for {@code deepmds}
 * @param learningRate     Adam learning rate; default 3e-4 x 10 (a short schedule needs a larger rate)
 * @param resLayers        residual layers per stage; default 3 (the paper's)
 */
public record TrainingConfig(Integer epochs, Integer stepsPerEpoch, Integer pairsPerKind, Integer miningCandidates,
                             Double covarianceWeight, Boolean hardMining, Double learningRate, Integer resLayers) {

    /** Checks values and fills in the method-independent defaults. */
    public TrainingConfig {
        epochs = epochs == null ? 4 : Checks.atLeast("epochs", epochs, 1);
        stepsPerEpoch = stepsPerEpoch == null ? 50 : Checks.atLeast("stepsPerEpoch", stepsPerEpoch, 1);
        pairsPerKind = pairsPerKind == null ? 128 : Checks.atLeast("pairsPerKind", pairsPerKind, 1);
        miningCandidates = miningCandidates == null ? 4 * pairsPerKind
                : Checks.atLeast("miningCandidates", miningCandidates, pairsPerKind);
        covarianceWeight = Checks.positiveOrNull("covarianceWeight", covarianceWeight, true);
        learningRate = learningRate == null ? 3e-3 : Checks.positiveOrNull("learningRate", learningRate, false);
        if (learningRate > 1) {
            throw new ConfigValueException("learningRate", "is " + learningRate + "; expected a number in (0, 1]");
        }
        resLayers = resLayers == null ? 3 : Checks.atLeast("resLayers", resLayers, 1);
    }

    /** @return the defaults */
    public static TrainingConfig defaults() {
        return new TrainingConfig(null, null, null, null, null, null, null, null);
    }
}
