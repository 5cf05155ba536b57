package org.hersj.reduction.io;

import java.util.ArrayList;
import java.util.List;
import org.hersj.reduction.deepmds.DeepMdsConfig;
import org.hersj.reduction.deepmds.LearningRateStep;
import org.hersj.reduction.deepmds.LossTerms;
import org.hersj.reduction.deepmds.MiningStep;
import org.hersj.reduction.deepmds.ModelProvenance;
import org.hersj.reduction.deepmds.StageSummary;

/**
 * The provenance records as envelope format 3 (and the {@code HERSJRED} frame version 2 before it) wrote
 * them, before the identification term: read by {@link RecordCodec} in that component order and converted
 * to today's records. Those models were trained without the term (weight 0, default scale), and their
 * loss terms have no identification component (0).
 */
final class FormatThreeRecords {

    private FormatThreeRecords() {
    }

    /** Format 3 layout of {@link DeepMdsConfig}. */
    record Config(String preset, List<Integer> stageWidths, int resLayers, double genuineWeight,
                  double impostorWeight, double covarianceWeight, double weightDecay, int genuinePairsPerBatch,
                  int impostorPairsPerBatch, int stepsPerEpoch, int epochs, double learningRate,
                  List<LearningRateStep> learningRateSchedule, boolean hardMining, int miningCandidates,
                  List<MiningStep> miningSchedule, List<Double> stageLearningRateMultipliers,
                  double validationFraction, int earlyStopPatience, String init, String earlyStopMetric, long seed) {

        DeepMdsConfig current() {
            return new DeepMdsConfig(preset, stageWidths, resLayers, genuineWeight, impostorWeight, covarianceWeight,
                    weightDecay, genuinePairsPerBatch, impostorPairsPerBatch, stepsPerEpoch, epochs, learningRate,
                    learningRateSchedule, hardMining, miningCandidates, miningSchedule, stageLearningRateMultipliers,
                    validationFraction, earlyStopPatience, init, earlyStopMetric, 0,
                    DeepMdsConfig.DEFAULT_IDENTIFICATION_SCALE, seed);
        }
    }

    /** Format 1-3 layout of {@link LossTerms}. */
    record Terms(double total, double genuine, double impostor, double covariance, double weightDecay) {

        LossTerms current() {
            return new LossTerms(total, genuine, impostor, covariance, weightDecay, 0);
        }
    }

    /** Format 3 layout of {@link StageSummary}. */
    record Stage(int stage, int outputWidth, long steps, Terms finalTrainLoss, double startValidation,
                 double bestValidation, boolean stoppedEarly, int keptEpoch, double seconds, double miningSeconds,
                 int pairsPerStep) {

        StageSummary current() {
            return new StageSummary(stage, outputWidth, steps, finalTrainLoss.current(), startValidation,
                    bestValidation, stoppedEarly, keptEpoch, seconds, miningSeconds, pairsPerStep);
        }
    }

    /** Format 3 layout of {@link ModelProvenance}. */
    record Provenance(String method, Config config, String trainingDataSha256, int trainingRows,
                      int trainingIdentities, int validationIdentities, List<Stage> stages, String startedAt,
                      String finishedAt, String nd4jVersion, String javaVersion) {

        ModelProvenance current() {
            List<StageSummary> summaries = new ArrayList<>();
            for (Stage s : stages) {
                summaries.add(s.current());
            }
            return new ModelProvenance(method, config.current(), trainingDataSha256, trainingRows, trainingIdentities,
                    validationIdentities, summaries, startedAt, finishedAt, nd4jVersion, javaVersion);
        }
    }
}
