package org.hersj.reduction.deepmds;

import java.util.ArrayList;
import java.util.List;

/**
 * Mutable builder of {@link DeepMdsConfig}; {@link #build()} validates. Starts from the paper's settings
 * ({@link #paper(List)}) and can scale the schedule down for small machines ({@link #scaledSchedule}).
 */
public final class DeepMdsConfigBuilder {

    private String preset;
    private List<Integer> stageWidths;
    private int resLayers;
    private double genuineWeight;
    private double impostorWeight;
    private double covarianceWeight;
    private double weightDecay;
    private int genuinePairsPerBatch;
    private int impostorPairsPerBatch;
    private int stepsPerEpoch;
    private int epochs;
    private double learningRate;
    private List<LearningRateStep> learningRateSchedule;
    private boolean hardMining;
    private int miningCandidates;
    private List<MiningStep> miningSchedule;
    private List<Double> stageLearningRateMultipliers;
    private double validationFraction;
    private int earlyStopPatience;
    private String init;
    private String earlyStopMetric;
    private double identificationWeight;
    private double identificationScale;
    private long seed;

    DeepMdsConfigBuilder(DeepMdsConfig c) {
        preset = c.preset();
        stageWidths = c.stageWidths();
        resLayers = c.resLayers();
        genuineWeight = c.genuineWeight();
        impostorWeight = c.impostorWeight();
        covarianceWeight = c.covarianceWeight();
        weightDecay = c.weightDecay();
        genuinePairsPerBatch = c.genuinePairsPerBatch();
        impostorPairsPerBatch = c.impostorPairsPerBatch();
        stepsPerEpoch = c.stepsPerEpoch();
        epochs = c.epochs();
        learningRate = c.learningRate();
        learningRateSchedule = c.learningRateSchedule();
        hardMining = c.hardMining();
        miningCandidates = c.miningCandidates();
        miningSchedule = c.miningSchedule();
        stageLearningRateMultipliers = c.stageLearningRateMultipliers();
        validationFraction = c.validationFraction();
        earlyStopPatience = c.earlyStopPatience();
        init = c.init();
        earlyStopMetric = c.earlyStopMetric();
        identificationWeight = c.identificationWeight();
        identificationScale = c.identificationScale();
        seed = c.seed();
    }

    /**
     * The DeepMDS++ settings of the paper for a chain: res_layers 3, weights 1 / 1 / 10, weight decay 4e-5,
     * 250 + 250 pairs, 200 epochs x 1000 steps, Adam 3e-4 with factors 0.9 .. 0.01 from 25k to 150k steps,
     * hard mining of 1000 candidates keeping 50 / 100 / 150 / 250 from epochs 0 / 50 / 100 / 150.
     *
     * @param stageWidths the chain, input width first
     * @return a builder holding those settings
     */
    public static DeepMdsConfigBuilder paper(List<Integer> stageWidths) {
        return new DeepMdsConfigBuilder(new DeepMdsConfig(null, stageWidths, 3, 1, 1, 10, 4e-5, 250, 250, 1000, 200,
                3e-4,
                List.of(new LearningRateStep(25_000, 0.9), new LearningRateStep(50_000, 0.5),
                        new LearningRateStep(75_000, 0.1), new LearningRateStep(100_000, 0.05),
                        new LearningRateStep(125_000, 0.02), new LearningRateStep(150_000, 0.01)),
                true, 1000,
                List.of(new MiningStep(0, 50), new MiningStep(50, 100), new MiningStep(100, 150),
                        new MiningStep(150, 250)),
                List.of(), 0, 0, DeepMdsConfig.INIT_XAVIER, DeepMdsConfig.STOP_BY_LOSS, 0,
                DeepMdsConfig.DEFAULT_IDENTIFICATION_SCALE, 0));
    }

    /**
     * The paper's settings scaled down so a chain trains in seconds on two cores (quickstart, demos):
     * 4 epochs x 25 steps per stage, 32 genuine + 32 impostor pairs, 128 mining candidates, learning rate
     * 3e-3. Not meant to reproduce the paper's accuracy.
     *
     * @param stageWidths the chain, input width first
     * @return a builder holding those settings
     */
    public static DeepMdsConfigBuilder quickstart(List<Integer> stageWidths) {
        return paper(stageWidths).scaledSchedule(4, 25, 32, 128).learningRate(3e-3);
    }

    /**
     * Shrinks the schedule: the learning-rate steps are scaled by the ratio of total steps, the mining
     * epochs by the ratio of epochs and the hard-pair counts by the ratio of pairs per batch, so the shape
     * of the paper's schedule is kept.
     *
     * @param newEpochs        epochs per stage
     * @param newStepsPerEpoch steps per epoch
     * @param pairsPerKind     genuine pairs and impostor pairs per batch
     * @param candidates       mining candidates per kind
     * @return this builder
     */
    public DeepMdsConfigBuilder scaledSchedule(int newEpochs, int newStepsPerEpoch, int pairsPerKind, int candidates) {
        double stepRatio = (double) newEpochs * newStepsPerEpoch / ((double) epochs * stepsPerEpoch);
        List<LearningRateStep> lr = new ArrayList<>();
        for (LearningRateStep s : learningRateSchedule) {
            long at = Math.max(1, Math.round(s.atStep() * stepRatio));
            if (lr.isEmpty() || at > lr.get(lr.size() - 1).atStep()) {
                lr.add(new LearningRateStep(at, s.factor()));
            }
        }
        double epochRatio = (double) newEpochs / epochs;
        double pairRatio = (double) pairsPerKind / Math.min(genuinePairsPerBatch, impostorPairsPerBatch);
        List<MiningStep> mining = new ArrayList<>();
        for (MiningStep m : miningSchedule) {
            int from = (int) Math.round(m.fromEpoch() * epochRatio);
            int keep = (int) Math.min(pairsPerKind, Math.round(m.hardPairs() * pairRatio));
            if (mining.isEmpty() || from > mining.get(mining.size() - 1).fromEpoch()) {
                mining.add(new MiningStep(from, keep));
            }
        }
        epochs = newEpochs;
        stepsPerEpoch = newStepsPerEpoch;
        genuinePairsPerBatch = pairsPerKind;
        impostorPairsPerBatch = pairsPerKind;
        miningCandidates = candidates;
        learningRateSchedule = lr;
        miningSchedule = mining;
        return this;
    }

    /**
     * A schedule for short runs instead of the paper's compressed decay points: the base rate for the first
     * 70 % of a stage's steps, then 0.3 x, and 0.1 x from 90 %. (Compressing the paper's six decay points
     * into a few hundred steps leaves most of a short run at a small rate.)
     *
     * @return this builder
     */
    public DeepMdsConfigBuilder lateDecay() {
        long total = (long) epochs * stepsPerEpoch;
        long first = Math.max(1, Math.round(0.7 * total));
        long second = Math.max(first + 1, Math.round(0.9 * total));
        learningRateSchedule = List.of(new LearningRateStep(first, 0.3), new LearningRateStep(second, 0.1));
        return this;
    }

    /** @param v chain preset name, or null @return this builder */
    public DeepMdsConfigBuilder preset(String v) { preset = v; return this; }
    /** @param v the chain, input width first (clears the preset) @return this builder */
    public DeepMdsConfigBuilder stageWidths(List<Integer> v) { stageWidths = v; preset = null; return this; }
    /** @param v residual layers per stage @return this builder */
    public DeepMdsConfigBuilder resLayers(int v) { resLayers = v; return this; }
    /** @param v genuine-pair loss weight @return this builder */
    public DeepMdsConfigBuilder genuineWeight(double v) { genuineWeight = v; return this; }
    /** @param v impostor-pair loss weight @return this builder */
    public DeepMdsConfigBuilder impostorWeight(double v) { impostorWeight = v; return this; }
    /** @param v covariance penalty weight @return this builder */
    public DeepMdsConfigBuilder covarianceWeight(double v) { covarianceWeight = v; return this; }
    /** @param v weight decay @return this builder */
    public DeepMdsConfigBuilder weightDecay(double v) { weightDecay = v; return this; }
    /** @param v genuine pairs per batch @return this builder */
    public DeepMdsConfigBuilder genuinePairsPerBatch(int v) { genuinePairsPerBatch = v; return this; }
    /** @param v impostor pairs per batch @return this builder */
    public DeepMdsConfigBuilder impostorPairsPerBatch(int v) { impostorPairsPerBatch = v; return this; }
    /** @param v steps per epoch @return this builder */
    public DeepMdsConfigBuilder stepsPerEpoch(int v) { stepsPerEpoch = v; return this; }
    /** @param v epochs per stage @return this builder */
    public DeepMdsConfigBuilder epochs(int v) { epochs = v; return this; }
    /** @param v base learning rate @return this builder */
    public DeepMdsConfigBuilder learningRate(double v) { learningRate = v; return this; }
    /** @param v learning-rate step schedule @return this builder */
    public DeepMdsConfigBuilder learningRateSchedule(List<LearningRateStep> v) { learningRateSchedule = v; return this; }
    /** @param v whether to hard-mine batches @return this builder */
    public DeepMdsConfigBuilder hardMining(boolean v) { hardMining = v; return this; }
    /** @param v mining candidates per kind @return this builder */
    public DeepMdsConfigBuilder miningCandidates(int v) { miningCandidates = v; return this; }
    /** @param v hard-mining schedule @return this builder */
    public DeepMdsConfigBuilder miningSchedule(List<MiningStep> v) { miningSchedule = v; return this; }
    /** @param v per-stage learning-rate multipliers @return this builder */
    public DeepMdsConfigBuilder stageLearningRateMultipliers(List<Double> v) { stageLearningRateMultipliers = v; return this; }
    /** @param v validation fraction of identities @return this builder */
    public DeepMdsConfigBuilder validationFraction(double v) { validationFraction = v; return this; }
    /** @param v early-stop patience in epochs @return this builder */
    public DeepMdsConfigBuilder earlyStopPatience(int v) { earlyStopPatience = v; return this; }
    /** @param v {@code xavier} or {@code pca} @return this builder */
    public DeepMdsConfigBuilder init(String v) { init = v; return this; }
    /** @param v {@code loss} or {@code nearest-neighbour} @return this builder */
    public DeepMdsConfigBuilder earlyStopMetric(String v) { earlyStopMetric = v; return this; }
    /** @param v weight of the identification term (0 = off, the paper) @return this builder */
    public DeepMdsConfigBuilder identificationWeight(double v) { identificationWeight = v; return this; }
    /** @param v inverse temperature of the identification softmax @return this builder */
    public DeepMdsConfigBuilder identificationScale(double v) { identificationScale = v; return this; }
    /** @param v seed @return this builder */
    public DeepMdsConfigBuilder seed(long v) { seed = v; return this; }

    /** @return the validated configuration */
    public DeepMdsConfig build() {
        return new DeepMdsConfig(preset, stageWidths, resLayers, genuineWeight, impostorWeight, covarianceWeight,
                weightDecay, genuinePairsPerBatch, impostorPairsPerBatch, stepsPerEpoch, epochs, learningRate,
                learningRateSchedule, hardMining, miningCandidates, miningSchedule, stageLearningRateMultipliers,
                validationFraction, earlyStopPatience, init, earlyStopMetric, identificationWeight,
                identificationScale, seed);
    }
}
