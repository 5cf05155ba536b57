package org.hersj.reduction.io;

import java.util.ArrayList;
import java.util.List;
import org.hersj.reduction.deepmds.DeepMdsConfig;
import org.hersj.reduction.deepmds.LearningRateStep;
import org.hersj.reduction.deepmds.MiningStep;
import org.hersj.reduction.deepmds.ModelProvenance;
import org.hersj.reduction.deepmds.StageSummary;

/**
 * The provenance records as format version 1 wrote them (before {@code init}, {@code early_stop_metric}
 * and the per-stage speed fields), read by {@link RecordCodec} in that component order and converted to
 * today's records: old files were trained with Xavier starts and loss-based early stopping; the unknown
 * speed fields become NaN / -1 / 0.
 */
final class FormatOneRecords {

    private FormatOneRecords() {
    }

    /** Version 1 layout of {@link DeepMdsConfig}. */
    record Config(String preset, List<Integer> stageWidths, int resLayers, double genuineWeight,
                  double impostorWeight, double covarianceWeight, double weightDecay, int genuinePairsPerBatch,
                  int impostorPairsPerBatch, int stepsPerEpoch, int epochs, double learningRate,
                  List<LearningRateStep> learningRateSchedule, boolean hardMining, int miningCandidates,
                  List<MiningStep> miningSchedule, List<Double> stageLearningRateMultipliers,
                  double validationFraction, int earlyStopPatience, long seed) {
    }

    /** Version 1 layout of {@link StageSummary}. */
    record Stage(int stage, int outputWidth, long steps, FormatThreeRecords.Terms finalTrainLoss, double bestValidation,
                 boolean stoppedEarly, double seconds) {
    }

    /** Version 1 layout of {@link ModelProvenance}. */
    record Provenance(String method, Config config, String trainingDataSha256, int trainingRows,
                      int trainingIdentities, int validationIdentities, List<Stage> stages, String startedAt,
                      String finishedAt, String nd4jVersion, String javaVersion) {

        ModelProvenance current() {
            Config c = config;
            DeepMdsConfig now = new DeepMdsConfig(c.preset(), c.stageWidths(), c.resLayers(), c.genuineWeight(),
                    c.impostorWeight(), c.covarianceWeight(), c.weightDecay(), c.genuinePairsPerBatch(),
                    c.impostorPairsPerBatch(), c.stepsPerEpoch(), c.epochs(), c.learningRate(),
                    c.learningRateSchedule(), c.hardMining(), c.miningCandidates(), c.miningSchedule(),
                    c.stageLearningRateMultipliers(), c.validationFraction(), c.earlyStopPatience(),
                    DeepMdsConfig.INIT_XAVIER, DeepMdsConfig.STOP_BY_LOSS, 0,
                    DeepMdsConfig.DEFAULT_IDENTIFICATION_SCALE, c.seed());
            List<StageSummary> summaries = new ArrayList<>();
            for (Stage s : stages) {
                summaries.add(new StageSummary(s.stage(), s.outputWidth(), s.steps(), s.finalTrainLoss().current(), Double.NaN,
                        s.bestValidation(), s.stoppedEarly(), -1, s.seconds(), 0,
                        c.genuinePairsPerBatch() + c.impostorPairsPerBatch()));
            }
            return new ModelProvenance(method, now, trainingDataSha256, trainingRows, trainingIdentities,
                    validationIdentities, summaries, startedAt, finishedAt, nd4jVersion, javaVersion);
        }
    }
}
