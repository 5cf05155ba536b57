package org.hersj.reduction.deepmds;

import java.util.List;

/**
 * Validated, immutable DeepMDS / DeepMDS++ training configuration. Plain fields only, so Jackson can
 * bind it from YAML with the record's own camelCase names, the naming of every config key (error
 * messages use the same names). Every loss term can be switched off with a zero weight; plain DeepMDS
 * is this record with {@code covarianceWeight = 0} and {@code hardMining = false} (see
 * {@link #asPlainDeepMds()}).
 * Schedules count steps and epochs within a stage; every stage is trained with the same schedule.
 *
 * @param preset                 {@code arcface}, {@code deepprint} or {@code imagenet}; or null when
 *                               {@code stageWidths} is given
 * @param stageWidths            input width then each stage's output width, strictly decreasing, each
 *                               at least 2; null or empty to take the preset's chain
 * @param resLayers              residual layers per stage (paper: 3), 1..16
 * @param genuineWeight          weight of mean |cos - cos'| over genuine pairs (paper: 1), >= 0
 * @param impostorWeight         weight of the same over impostor pairs (paper: 1), >= 0
 * @param covarianceWeight       weight of mean |off-diagonal covariance| of the batch outputs
 *                               (paper: 10; 0 = off), >= 0
 * @param weightDecay            L2 weight decay on weight matrices, {@code wd * sum(W^2) / 2}
 *                               (paper: 4e-5; 0 = off), >= 0
 * @param genuinePairsPerBatch   genuine pairs per batch (paper: 250), 1..100000
 * @param impostorPairsPerBatch  impostor pairs per batch (paper: 250), 1..100000
 * @param stepsPerEpoch          optimiser steps per epoch (paper: 1000), >= 1
 * @param epochs                 epochs per stage (paper: 200), >= 1
 * @param learningRate           Adam base learning rate (paper: 3e-4), in (0, 1]
 * @param learningRateSchedule   step schedule, ascending {@code atStep}; may be empty
 * @param hardMining             whether batches are hard-mined (DeepMDS++) or uniformly random
 * @param miningCandidates       candidate pairs per kind scored for mining (paper: 1000), >= the
 *                               pairs per batch of each kind when mining is on
 * @param miningSchedule         hard pairs kept per kind by epoch, ascending {@code fromEpoch}
 *                               starting at 0; required (non-empty) and checked only when mining is on
 * @param stageLearningRateMultipliers one multiplier per stage for its parameters while a later stage
 *                               trains (0 freezes it, 1 trains it with the base rate); empty = all 1.
 *                               The stage being trained always uses 1.
 * @param validationFraction     fraction of identities held out for validation and early stopping,
 *                               [0, 0.5]; 0 = no validation
 * @param earlyStopPatience      epochs without validation improvement before a stage stops (the best
 *                               weights are kept); 0 = never stop early
 * @param init                   how a new stage's weights start: {@code xavier} (the paper: Xavier-uniform
 *                               weights, zero biases) or {@code pca} (a deviation from the paper: the long
 *                               skip {@code fc0} of stage 1 is the PCA of the training rows, that of a later
 *                               stage the uncentred principal axes of its input, and the last {@code fc2} of
 *                               the residual branch is zero, so stage 1 starts exactly at PCA's map and every
 *                               later stage at the best linear map of its input); null = {@code xavier}
 * @param earlyStopMetric        what early stopping and the kept weights are chosen by: {@code loss} (the
 *                               validation loss) or {@code nearest-neighbour} (the leave-one-out 1-NN
 *                               identification error on the validation identities: the task itself;
 *                               the loss can fall while identification gets worse); null = {@code loss}
 * @param identificationWeight   weight of the identification term (a deviation from the paper, which
 *                               has none; 0 = off, the paper): for every genuine pair (a, b) of a batch,
 *                               the softmax cross-entropy of telling b apart from every other identity's
 *                               row of the batch, by {@code identificationScale * <f(a), f(.)>}. The
 *                               similarity loss keeps cosine values; this term keeps their order, which is
 *                               what search needs when no low-dimensional map can keep the values. >= 0
 * @param identificationScale    inverse temperature of that softmax over cosines, in (0, 50]; 0 (as
 *                               read from files written before the term existed) = {@value #DEFAULT_IDENTIFICATION_SCALE}
 * @param seed                   seed of pair sampling and initialisation
 */
public record DeepMdsConfig(
        String preset,
        List<Integer> stageWidths,
        int resLayers,
        double genuineWeight,
        double impostorWeight,
        double covarianceWeight,
        double weightDecay,
        int genuinePairsPerBatch,
        int impostorPairsPerBatch,
        int stepsPerEpoch,
        int epochs,
        double learningRate,
        List<LearningRateStep> learningRateSchedule,
        boolean hardMining,
        int miningCandidates,
        List<MiningStep> miningSchedule,
        List<Double> stageLearningRateMultipliers,
        double validationFraction,
        int earlyStopPatience,
        String init,
        String earlyStopMetric,
        double identificationWeight,
        double identificationScale,
        long seed) {

    /** Early stopping by the validation loss. */
    public static final String STOP_BY_LOSS = "loss";
    /** Early stopping by the validation nearest-neighbour identification error. */
    public static final String STOP_BY_NEAREST_NEIGHBOUR = "nearest-neighbour";

    /** Inverse temperature of the identification softmax when none is given. */
    public static final double DEFAULT_IDENTIFICATION_SCALE = 8;

    /** Initialisation of the paper: Xavier-uniform weights, zero biases. */
    public static final String INIT_XAVIER = "xavier";
    /** Initialisation at PCA's map (a deviation from the paper), see {@link #init()}. */
    public static final String INIT_PCA = "pca";

    /** Validates every field; the message names the field and the expected range. */
    public DeepMdsConfig {
        boolean hasWidths = stageWidths != null && !stageWidths.isEmpty();
        if (!hasWidths && preset == null) {
            throw invalid("stageWidths", "missing", "a list of widths or a preset (arcface, deepprint, imagenet)");
        }
        if (hasWidths && preset != null && !StageWidths.preset(preset).equals(stageWidths)) {
            throw invalid("stageWidths", stageWidths, "either the preset '" + preset + "' chain or no preset");
        }
        stageWidths = List.copyOf(hasWidths ? stageWidths : StageWidths.preset(preset));
        if (stageWidths.size() < 2) {
            throw invalid("stageWidths", stageWidths, "at least an input and one output width");
        }
        for (int i = 0; i < stageWidths.size(); i++) {
            Integer w = stageWidths.get(i);
            if (w == null || w < 2 || (i > 0 && w >= stageWidths.get(i - 1))) {
                throw invalid("stageWidths[" + i + "]", w, "an integer >= 2 and smaller than the previous width");
            }
        }
        requireRange("resLayers", resLayers, 1, 16);
        requireNonNegative("genuineWeight", genuineWeight);
        requireNonNegative("impostorWeight", impostorWeight);
        requireNonNegative("covarianceWeight", covarianceWeight);
        requireNonNegative("weightDecay", weightDecay);
        requireNonNegative("identificationWeight", identificationWeight);
        identificationScale = identificationScale == 0 ? DEFAULT_IDENTIFICATION_SCALE : identificationScale;
        if (!(identificationScale > 0 && identificationScale <= 50)) {
            throw invalid("identificationScale", identificationScale, "a number in (0, 50]");
        }
        if (genuineWeight + impostorWeight + covarianceWeight + identificationWeight == 0) {
            throw invalid("genuineWeight", 0, "a positive weight on at least one data term");
        }
        requireRange("genuinePairsPerBatch", genuinePairsPerBatch, 1, 100_000);
        requireRange("impostorPairsPerBatch", impostorPairsPerBatch, 1, 100_000);
        requireRange("stepsPerEpoch", stepsPerEpoch, 1, Integer.MAX_VALUE);
        requireRange("epochs", epochs, 1, Integer.MAX_VALUE);
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw invalid("learningRate", learningRate, "a number in (0, 1]");
        }
        learningRateSchedule = List.copyOf(required("learningRateSchedule", learningRateSchedule));
        for (int i = 0; i < learningRateSchedule.size(); i++) {
            LearningRateStep s = learningRateSchedule.get(i);
            String field = "learningRateSchedule[" + i + "]";
            if (s.atStep() < 0 || (i > 0 && s.atStep() <= learningRateSchedule.get(i - 1).atStep())) {
                throw invalid(field + ".atStep", s.atStep(), "a step >= 0, larger than the previous entry's");
            }
            if (!(s.factor() > 0 && s.factor() <= 1)) {
                throw invalid(field + ".factor", s.factor(), "a number in (0, 1]");
            }
        }
        miningSchedule = List.copyOf(required("miningSchedule", miningSchedule));
        if (hardMining) {
            requireRange("miningCandidates", miningCandidates,
                    Math.max(genuinePairsPerBatch, impostorPairsPerBatch), 1_000_000);
            if (miningSchedule.isEmpty() || miningSchedule.get(0).fromEpoch() != 0) {
                throw invalid("miningSchedule", miningSchedule, "a non-empty list whose first fromEpoch is 0");
            }
        }
        for (int i = 0; hardMining && i < miningSchedule.size(); i++) {
            MiningStep m = miningSchedule.get(i);
            String field = "miningSchedule[" + i + "]";
            if (m.fromEpoch() < 0 || (i > 0 && m.fromEpoch() <= miningSchedule.get(i - 1).fromEpoch())) {
                throw invalid(field + ".fromEpoch", m.fromEpoch(), "an epoch >= 0, larger than the previous entry's");
            }
            requireRange(field + ".hardPairs", m.hardPairs(), 0, Math.min(genuinePairsPerBatch, impostorPairsPerBatch));
        }
        stageLearningRateMultipliers = List.copyOf(required("stageLearningRateMultipliers", stageLearningRateMultipliers));
        int stages = stageWidths.size() - 1;
        if (!stageLearningRateMultipliers.isEmpty() && stageLearningRateMultipliers.size() != stages) {
            throw invalid("stageLearningRateMultipliers", stageLearningRateMultipliers,
                    "empty or one value per stage (" + stages + ")");
        }
        for (int i = 0; i < stageLearningRateMultipliers.size(); i++) {
            Double m = stageLearningRateMultipliers.get(i);
            if (m == null || !(m >= 0 && m <= 10)) {
                throw invalid("stageLearningRateMultipliers[" + i + "]", m, "a number in [0, 10]");
            }
        }
        if (!(validationFraction >= 0 && validationFraction <= 0.5)) {
            throw invalid("validationFraction", validationFraction, "a number in [0, 0.5]");
        }
        requireRange("earlyStopPatience", earlyStopPatience, 0, Integer.MAX_VALUE);
        if (earlyStopPatience > 0 && validationFraction == 0) {
            throw invalid("earlyStopPatience", earlyStopPatience, "0 when validationFraction is 0");
        }
        init = init == null ? INIT_XAVIER : init;
        if (!init.equals(INIT_XAVIER) && !init.equals(INIT_PCA)) {
            throw invalid("init", "'" + init + "'", "one of xavier (the paper), pca (start at PCA's map)");
        }
        earlyStopMetric = earlyStopMetric == null ? STOP_BY_LOSS : earlyStopMetric;
        if (!earlyStopMetric.equals(STOP_BY_LOSS) && !earlyStopMetric.equals(STOP_BY_NEAREST_NEIGHBOUR)) {
            throw invalid("earlyStopMetric", "'" + earlyStopMetric + "'", "one of loss, nearest-neighbour");
        }
    }

    /** @return whether new stages start at PCA's map ({@code init: pca}). */
    public boolean pcaInit() {
        return init.equals(INIT_PCA);
    }

    /** @return the number of stages (reductions) in the chain. */
    public int stageCount() {
        return stageWidths.size() - 1;
    }

    /** @return the input width of the chain. */
    public int inputDimension() {
        return stageWidths.get(0);
    }

    /** @return whether the identification term is on (a deviation from the paper). */
    public boolean identifies() {
        return identificationWeight > 0;
    }

    /** @return {@code deepmds++} when the covariance penalty or hard mining is on, else {@code deepmds}. */
    public String method() {
        return covarianceWeight > 0 || hardMining ? "deepmds++" : "deepmds";
    }

    /**
     * @param step step within a stage
     * @return the learning rate at that step under the step schedule
     */
    public double learningRateAt(long step) {
        double factor = 1;
        for (LearningRateStep s : learningRateSchedule) {
            if (step >= s.atStep()) {
                factor = s.factor();
            }
        }
        return learningRate * factor;
    }

    /**
     * @param epoch epoch within a stage
     * @return hard pairs kept per kind in that epoch (0 when mining is off)
     */
    public int hardPairsAt(int epoch) {
        int keep = 0;
        if (hardMining) {
            for (MiningStep m : miningSchedule) {
                if (epoch >= m.fromEpoch()) {
                    keep = m.hardPairs();
                }
            }
        }
        return keep;
    }

    /**
     * @param stage 0-based stage index
     * @return learning-rate multiplier of that stage's parameters while a later stage trains
     */
    public double stageMultiplier(int stage) {
        return stageLearningRateMultipliers.isEmpty() ? 1.0 : stageLearningRateMultipliers.get(stage);
    }

    /** @return a builder initialised with this configuration. */
    public DeepMdsConfigBuilder toBuilder() {
        return new DeepMdsConfigBuilder(this);
    }

    /** @return this configuration as plain DeepMDS: same chain and schedule, no covariance penalty, no mining. */
    public DeepMdsConfig asPlainDeepMds() {
        return toBuilder().covarianceWeight(0).hardMining(false).build();
    }

    /** @return the same configuration with another seed. */
    public DeepMdsConfig withSeed(long newSeed) {
        return toBuilder().seed(newSeed).build();
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw invalid(field, "missing", "a list (possibly empty)");
        }
        return value;
    }

    private static void requireRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw invalid(field, value, "an integer in [" + min + ", " + (max == Integer.MAX_VALUE ? "inf" : max) + "]");
        }
    }

    private static void requireNonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw invalid(field, value, "a finite number >= 0 (0 switches the term off)");
        }
    }

    private static IllegalArgumentException invalid(String field, Object value, String expected) {
        return new IllegalArgumentException("DeepMdsConfig." + field + " = " + value + ": expected " + expected);
    }
}
