package org.hersj.experiments.config;

import java.util.List;

/**
 * {@code reduction[i].training}: the DeepMDS / DeepMDS++ training schedule of one reduction entry,
 * mapped onto the {@code reduction} module's {@code DeepMdsConfig} (the paper's loss, mining and chain;
 * a schedule for short runs). Not allowed for {@code identity} and {@code pca}.
 *
 * @param epochs              epochs per stage; default 8
 * @param stepsPerEpoch       optimiser steps per epoch; default 25
 * @param pairsPerKind        genuine and impostor pairs per batch (each); default 250 (the paper's)
 * @param miningCandidates    candidate pairs per kind scored for hard mining; default 2 x pairsPerKind
 * @param covarianceWeight    weight of the covariance penalty; default 10 for {@code deepmds++}, 0 for
 *                            {@code deepmds} (which must not set it above 0)
 * @param hardMining          hard pair mining; default true for {@code deepmds++}, false for {@code deepmds}
 * @param learningRate        Adam base learning rate; default 1e-3 (a short run needs a larger rate than
 *                            the paper's 3e-4)
 * @param resLayers           residual layers per stage; default 3 (the paper's)
 * @param init                {@code pca} (default; a deviation from the paper: every stage starts at the
 *                            PCA map of its input, so training starts from PCA's accuracy) or
 *                            {@code xavier} (the paper's random start; use it for paper-faithful runs)
 * @param schedule            learning-rate schedule within a stage: {@code late-decay} (default: the base
 *                            rate for 70 % of the steps, then x0.3, from 90 % x0.1) or {@code paper} (the
 *                            paper's six decay points compressed into the run)
 * @param validationFraction  fraction of the training identities held out for validation and early
 *                            stopping, [0, 0.5]; default 0.2
 * @param earlyStopPatience   epochs without validation improvement before a stage stops, keeping the best
 *                            weights (the stage's start included); 0 = never; default 3
 * @param earlyStopMetric     what early stopping and the kept weights are chosen by on the validation
 *                            identities: {@code loss} (default; on LFW it kept the better weights) or
 *                            {@code nearest-neighbour} (leave-one-out 1-NN identification error, the
 *                            task itself; noisy on small validation sets)
 * @param freezeEarlierStages whether a stage trains alone on the frozen outputs of the earlier stages
 *                            (faster: every stage then costs about as much as one small stage); default
 *                            false (the paper fine-tunes earlier stages too)
 * @param identificationWeight weight of the identification term, >= 0 (a deviation from the paper, which
 *                            has none): the softmax cross-entropy of each genuine pair against the other
 *                            identities of its batch, so training keeps the order of cosines that search
 *                            needs and not only their values; default 0 (off, the paper's loss)
 * @param identificationScale inverse temperature of that softmax over cosines, in (0, 50]; default the
 *                            reduction module's ({@code DeepMdsConfig.DEFAULT_IDENTIFICATION_SCALE})
 * @param chain               the stages trained: {@code paper} (default: the paper's chain of the input width,
 *                            e.g. 512-256-128-64-32-16, down to the smallest requested dimension) or
 *                            {@code direct} (the input width, then only the requested dimensions, e.g.
 *                            512-16 for {@code dimensions: [16]}: one stage instead of five; a deviation
 *                            from the paper)
 */
public record TrainingConfig(Integer epochs, Integer stepsPerEpoch, Integer pairsPerKind, Integer miningCandidates,
                             Double covarianceWeight, Boolean hardMining, Double learningRate, Integer resLayers,
                             String init, String schedule, Double validationFraction, Integer earlyStopPatience,
                             String earlyStopMetric, Boolean freezeEarlierStages,
                             Double identificationWeight, Double identificationScale, String chain) {

    /** The initialisations. */
    public static final List<String> INITS = List.of("pca", "xavier");
    /** The learning-rate schedules. */
    public static final List<String> SCHEDULES = List.of("late-decay", "paper");
    /** The chains. */
    public static final List<String> CHAINS = List.of("paper", "direct");
    /** The early-stopping scores. */
    public static final List<String> STOP_METRICS = List.of("loss", "nearest-neighbour");

    /** Checks values and fills in the method-independent defaults. */
    public TrainingConfig {
        epochs = epochs == null ? 8 : Checks.atLeast("epochs", epochs, 1);
        stepsPerEpoch = stepsPerEpoch == null ? 25 : Checks.atLeast("stepsPerEpoch", stepsPerEpoch, 1);
        pairsPerKind = pairsPerKind == null ? 250 : Checks.atLeast("pairsPerKind", pairsPerKind, 1);
        miningCandidates = miningCandidates == null ? 2 * pairsPerKind
                : Checks.atLeast("miningCandidates", miningCandidates, pairsPerKind);
        covarianceWeight = Checks.positiveOrNull("covarianceWeight", covarianceWeight, true);
        learningRate = learningRate == null ? 1e-3 : Checks.positiveOrNull("learningRate", learningRate, false);
        if (learningRate > 1) {
            throw new ConfigValueException("learningRate", "is " + learningRate + "; expected a number in (0, 1]");
        }
        resLayers = resLayers == null ? 3 : Checks.atLeast("resLayers", resLayers, 1);
        init = oneOf("init", init == null ? "pca" : init, INITS);
        schedule = oneOf("schedule", schedule == null ? "late-decay" : schedule, SCHEDULES);
        validationFraction = validationFraction == null ? 0.2
                : Checks.positiveOrNull("validationFraction", validationFraction, true);
        if (validationFraction > 0.5) {
            throw new ConfigValueException("validationFraction", "is " + validationFraction
                    + "; expected a fraction in [0, 0.5]");
        }
        earlyStopPatience = earlyStopPatience == null ? (validationFraction > 0 ? 3 : 0)
                : Checks.atLeast("earlyStopPatience", earlyStopPatience, 0);
        if (earlyStopPatience > 0 && validationFraction == 0) {
            throw new ConfigValueException("earlyStopPatience", "is " + earlyStopPatience
                    + " but validationFraction is 0; expected 0 (early stopping needs a validation split)");
        }
        earlyStopMetric = oneOf("earlyStopMetric", earlyStopMetric == null ? "loss" : earlyStopMetric,
                STOP_METRICS);
        freezeEarlierStages = freezeEarlierStages != null && freezeEarlierStages;
        identificationWeight = identificationWeight == null ? 0
                : Checks.positiveOrNull("identificationWeight", identificationWeight, true);
        if (identificationScale != null && !(identificationScale > 0 && identificationScale <= 50)) {
            throw new ConfigValueException("identificationScale", "is " + identificationScale
                    + "; expected a number in (0, 50]");
        }
        chain = oneOf("chain", chain == null ? "paper" : chain, CHAINS);
    }

    private static String oneOf(String key, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new ConfigValueException(key, "is '" + value + "'; expected one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** @return the defaults */
    public static TrainingConfig defaults() {
        return new TrainingConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }
}
