package org.hersj.reduction.deepmds;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains a DeepMDS / DeepMDS++ chain progressively: stage k starts from the weights of stages 1..k-1
 * (trained further at their {@code stage_learning_rate_multipliers}) and a freshly Xavier-initialised
 * stage k; each stage runs {@code epochs x steps_per_epoch} Adam steps under the step schedule, with
 * hard-mined or random batches. With a validation split, the validation loss is evaluated after every
 * epoch on a fixed batch from held-out identities; the best weights are kept and a stage stops after
 * {@code early_stop_patience} epochs without improvement. Fully determined by the config's seed.
 */
public final class DeepMdsTrainer {

    private static final double RUNNING_DECAY = 0.98;

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
        DeepMdsModel model = null;
        for (int s = 0; s < config.stageCount(); s++) {
            params.putAll(StageParameters.initialise(shapes(s), init));
            TrainingGraph graph = new TrainingGraph(config, s + 1, params);
            StageSummary summary = trainStage(s, graph, batches, split);
            params = graph.parameterValues();
            summaries.add(summary);
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

    private StageSummary trainStage(int s, TrainingGraph graph, BatchSource batches, ValidationSplit split) {
        long startNanos = System.nanoTime();
        int width = config.stageWidths().get(s + 1);
        AdamOptimizer adam = new AdamOptimizer(multipliers(s));
        long stepsPerStage = (long) config.epochs() * config.stepsPerEpoch();
        double running = Double.NaN;
        double best = Double.POSITIVE_INFINITY;
        Map<String, INDArray> bestParams = null;
        int epochsSinceBest = 0;
        boolean stoppedEarly = false;
        long step = 0;
        LossTerms last = null;
        try (LossCurveWriter curve = curveDirectory == null ? null : new LossCurveWriter(curveDirectory, s, width)) {
            for (int epoch = 0; epoch < config.epochs() && !stoppedEarly; epoch++) {
                int hard = config.hardPairsAt(epoch);
                TrainingStep progress = null;
                for (int k = 0; k < config.stepsPerEpoch(); k++, step++) {
                    PairBatch batch = batches.next(hard, graph::project);
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
                double validation = split.batch() == null ? Double.NaN : graph.evaluate(split.batch()).total();
                if (curve != null) {
                    curve.row(step - 1, last, validation);
                }
                listener.onEpochEnd(progress, validation);
                if (!Double.isNaN(validation)) {
                    if (validation < best) {
                        best = validation;
                        bestParams = graph.parameterValues();
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
        return new StageSummary(s, width, step, last, bestParams == null ? Double.NaN : best, stoppedEarly,
                (System.nanoTime() - startNanos) / 1e9);
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
