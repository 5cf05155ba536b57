package org.hersj.reduction.deepmds;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hersj.reduction.core.FloatMatrices;
import org.hersj.reduction.pca.PcaReducer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains a DeepMDS / DeepMDS++ chain progressively: stage k starts from the weights of stages 1..k-1
 * (trained further at their {@code stage_learning_rate_multipliers}) and a fresh stage k (Xavier, or with
 * {@code init: pca} at the PCA map of its input); each stage runs {@code epochs x steps_per_epoch} Adam
 * steps under the step schedule, with hard-mined or random batches. With a validation split, the
 * early-stopping score ({@code early_stop_metric}: the loss on a fixed batch of held-out identities, or
 * the nearest-neighbour identification error on them) is evaluated before training and after every
 * epoch; the best weights (possibly the initial ones) are kept and a stage stops after
 * {@code early_stop_patience} epochs without improvement. When every earlier stage is frozen (multiplier
 * 0), their outputs are computed once and only stage k is in the graph, which makes later stages as cheap
 * as the first. Fully determined by the config's seed.
 */
public final class DeepMdsTrainer {

    private static final double RUNNING_DECAY = 0.98;
    private static final int PROJECTION_CHUNK = 4096;

    private final DeepMdsConfig config;
    private final TrainingListener listener;
    private final Path curveDirectory;
    private final StageCheckpoint checkpoint;

    /**
     * @param config         what to train
     * @param listener       progress receiver ({@link TrainingListener#NONE} for none)
     * @param curveDirectory where the per-stage loss curves (CSV) go, or null for none
     * @param checkpoint     receives the model after each stage ({@link StageCheckpoint#NONE} for none)
     */
    public DeepMdsTrainer(DeepMdsConfig config, TrainingListener listener, Path curveDirectory,
                          StageCheckpoint checkpoint) {
        this.config = config;
        this.listener = listener;
        this.curveDirectory = curveDirectory;
        this.checkpoint = checkpoint;
    }

    /**
     * @param rows   training rows of the chain's input width (normalised here)
     * @param labels identity label of every row
     * @return the trained model with its provenance
     */
    public DeepMdsModel train(float[][] rows, int[] labels) {
        String started = Instant.now().toString();
        String sha = TrainingDataHash.sha256(rows, labels);
        LabelledData all = LabelledData.normalised(rows, labels, config.inputDimension());
        SplittableRandom random = new SplittableRandom(config.seed());
        ValidationSplit split = ValidationSplit.of(all, config, random.split());
        SplittableRandom init = random.split();
        BatchSource batches = new BatchSource(split.training(), config, random.split());

        Map<String, INDArray> params = new LinkedHashMap<>();
        List<StageSummary> summaries = new ArrayList<>();
        List<Map<String, INDArray>> snapshots = new ArrayList<>();
        float[][] trainIn = split.training().rows();
        float[][] validationIn = split.validation() == null ? null : split.validation().rows();
        DeepMdsModel model = null;
        for (int s = 0; s < config.stageCount(); s++) {
            Map<String, INDArray> fresh = StageParameters.initialise(shapes(s), init);
            if (config.pcaInit()) {
                // stage 1: exactly the PCA baseline; later stages: the uncentred axes of their input, which keep
                // its dot products (centring the previous stage's outputs would discard what it learned)
                PcaReducer pca = PcaReducer.fit(trainIn, config.stageWidths().get(s + 1), s == 0);
                StageParameters.startAtPca(fresh, s, config.resLayers(), pca.mean(), pca.components());
            }
            params.putAll(fresh);
            boolean frozen = frozenPrefix(s);
            TrainingGraph graph = new TrainingGraph(config, frozen ? s : 0, s + 1, params);
            float[][] feedTrain = frozen ? trainIn : split.training().rows();
            float[][] feedValidation = frozen ? validationIn : split.validation() == null ? null
                    : split.validation().rows();
            StageSummary summary = trainStage(s, graph, batches.withFeatures(feedTrain), split.batch(feedValidation),
                    feedValidation == null ? null : split.validation().withFeatures(feedValidation));
            params.putAll(graph.parameterValues());
            trainIn = project(graph, feedTrain);
            validationIn = feedValidation == null ? null : project(graph, feedValidation);
            summaries.add(summary);
            if (curveDirectory != null) {
                StageSpeedTable.write(curveDirectory, summaries);
            }
            listener.onStageEnd(summary);
            ModelProvenance provenance = new ModelProvenance(config.method(), config, sha, rows.length,
                    split.training().rowsByIdentity().length, split.validationIdentities(), summaries, started,
                    Instant.now().toString(), nd4jVersion(), System.getProperty("java.version"));
            snapshots.add(Map.copyOf(params));
            model = new DeepMdsModel(config, snapshots, provenance);
            checkpoint.stageFinished(model);
        }
        return model;
    }

    /** @return whether every stage before {@code stage} has learning-rate multiplier 0 */
    private boolean frozenPrefix(int stage) {
        for (int j = 0; j < stage; j++) {
            if (config.stageMultiplier(j) != 0) {
                return false;
            }
        }
        return stage > 0;
    }

    private static float[][] project(TrainingGraph graph, float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int start = 0; start < rows.length; start += PROJECTION_CHUNK) {
            int end = Math.min(rows.length, start + PROJECTION_CHUNK);
            float[][] chunk = java.util.Arrays.copyOfRange(rows, start, end);
            float[][] mapped = FloatMatrices.toRows(graph.project(FloatMatrices.toMatrix(chunk, chunk[0].length)));
            System.arraycopy(mapped, 0, out, start, mapped.length);
        }
        return out;
    }

    /** @return the early-stopping score of the current weights (lower is better) */
    private double score(TrainingGraph graph, LabelledData validation, double loss) {
        return config.earlyStopMetric().equals(DeepMdsConfig.STOP_BY_LOSS) ? loss
                : NearestNeighbourError.of(graph, validation);
    }

    private StageSummary trainStage(int s, TrainingGraph graph, BatchSource batches, PairBatch validationBatch,
                                    LabelledData validationRows) {
        long startNanos = System.nanoTime();
        long miningNanos = 0;
        int width = config.stageWidths().get(s + 1);
        AdamOptimizer adam = new AdamOptimizer(multipliers(s));
        long stepsPerStage = (long) config.epochs() * config.stepsPerEpoch();
        double running = Double.NaN;
        double start = validationBatch == null ? Double.NaN
                : score(graph, validationRows, graph.evaluate(validationBatch).total());
        double best = validationBatch == null ? Double.POSITIVE_INFINITY : start;
        Map<String, INDArray> bestParams = validationBatch == null ? null : graph.parameterValues();
        int keptEpoch = -1;
        int epochsSinceBest = 0;
        boolean stoppedEarly = false;
        long step = 0;
        LossTerms last = null;
        try (LossCurveWriter curve = curveDirectory == null ? null : new LossCurveWriter(curveDirectory, s, width)) {
            for (int epoch = 0; epoch < config.epochs() && !stoppedEarly; epoch++) {
                int hard = config.hardPairsAt(epoch);
                TrainingStep progress = null;
                for (int k = 0; k < config.stepsPerEpoch(); k++, step++) {
                    long t0 = System.nanoTime();
                    PairBatch batch = batches.next(hard, graph::project);
                    miningNanos += System.nanoTime() - t0;
                    last = graph.step(batch, adam, config.learningRateAt(step));
                    running = Double.isNaN(running) ? last.total()
                            : RUNNING_DECAY * running + (1 - RUNNING_DECAY) * last.total();
                    progress = new TrainingStep(s, config.stageCount(), width, epoch, config.epochs(), step,
                            stepsPerStage, last, running);
                    listener.onStep(progress);
                    if (curve != null && k < config.stepsPerEpoch() - 1) {
                        curve.row(step, last, Double.NaN);
                    }
                }
                double validation = validationBatch == null ? Double.NaN : graph.evaluate(validationBatch).total();
                if (curve != null) {
                    curve.row(step - 1, last, validation);
                }
                listener.onEpochEnd(progress, validation);
                if (Double.isNaN(validation)) {
                    keptEpoch = epoch;
                } else {
                    double now = score(graph, validationRows, validation);
                    if (now < best) {
                        best = now;
                        bestParams = graph.parameterValues();
                        keptEpoch = epoch;
                        epochsSinceBest = 0;
                    } else if (config.earlyStopPatience() > 0 && ++epochsSinceBest >= config.earlyStopPatience()) {
                        stoppedEarly = true;
                    }
                }
            }
        }
        if (bestParams != null) {
            graph.setParameterValues(bestParams);
        }
        return new StageSummary(s, width, step, last, start, bestParams == null ? Double.NaN : best, stoppedEarly, keptEpoch,
                (System.nanoTime() - startNanos) / 1e9, miningNanos / 1e9,
                config.genuinePairsPerBatch() + config.impostorPairsPerBatch());
    }

    private Map<String, Double> multipliers(int stage) {
        Map<String, Double> m = new HashMap<>();
        for (int j = 0; j <= stage; j++) {
            double mult = j == stage ? 1.0 : config.stageMultiplier(j);
            for (String name : shapes(j).keySet()) {
                m.put(name, mult);
            }
        }
        return m;
    }

    private Map<String, long[]> shapes(int stage) {
        return StageParameters.shapes(stage, config.stageWidths().get(stage), config.stageWidths().get(stage + 1),
                config.resLayers());
    }

    private static String nd4jVersion() {
        Package p = INDArray.class.getPackage();
        return p == null || p.getImplementationVersion() == null ? "1.0.0-M2.1" : p.getImplementationVersion();
    }
}
