package org.hersj.reduction.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hersj.reduction.ManifoldData;
import org.hersj.reduction.Reducers;
import org.hersj.reduction.core.CosinePreservation;
import org.hersj.reduction.core.Reducer;
import org.hersj.reduction.core.UnitVectors;
import org.hersj.reduction.deepmds.DeepMdsConfig;
import org.hersj.reduction.deepmds.DeepMdsConfigBuilder;
import org.hersj.reduction.deepmds.DeepMdsModel;
import org.hersj.reduction.deepmds.LearningRateStep;
import org.hersj.reduction.deepmds.StageSummary;
import org.hersj.reduction.deepmds.StageWidths;
import org.hersj.reduction.deepmds.TrainingListener;

/**
 * Measurement utility (not a test): PCA vs DeepMDS++ on {@link ManifoldData} (512-d, 10-d latent) with
 * a schedule from the command line. Usage: {@code ManifoldReport <out> <identities> <epochs> <steps>
 * <pairs> <init> <lr> <freeze:0|1> [dataset:manifold|lfw-dir] [chain] [covariance weight] [mining:0|1]
 * [genuine weight] [early-stop metric] [identification weight] [identification scale] [extra training identities] [residual layers]}.
 */
public final class ManifoldReport {

    private ManifoldReport() {
    }

    /** @param args see the class comment */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int ids = Integer.parseInt(args[1]);
        int epochs = Integer.parseInt(args[2]);
        int steps = Integer.parseInt(args[3]);
        int pairs = Integer.parseInt(args[4]);
        String init = args[5];
        double lr = Double.parseDouble(args[6]);
        boolean freeze = args[7].equals("1");
        IdentitySplit split;
        if (args.length > 8 && !args[8].equals("manifold")) {
            java.io.File dir = new java.io.File(args[8]);
            float[][] rows = org.hersj.reduction.core.FloatMatrices.toRows(
                    org.nd4j.linalg.factory.Nd4j.createFromNpyFile(new java.io.File(dir, "embeddings.npy")));
            int[] labels = org.nd4j.linalg.factory.Nd4j.createFromNpyFile(new java.io.File(dir, "labels.npy"))
                    .toIntVector();
            split = new IdentitySplit(rows, labels, 0);
        } else {
            int extra = args.length > 16 ? Integer.parseInt(args[16]) : 0;
            ManifoldData data = ManifoldData.generate(512, 10, 8.0, ids + extra, 6, 0.3, 3);
            int evaluated = ids * 6;
            split = new IdentitySplit(java.util.Arrays.copyOf(data.rows, evaluated),
                    java.util.Arrays.copyOf(data.labels, evaluated), 0)
                    .withExtraTraining(java.util.Arrays.copyOfRange(data.rows, evaluated, data.rows.length),
                            java.util.Arrays.copyOfRange(data.labels, evaluated, data.labels.length));
        }
        System.out.println(split);
        System.out.println(row("full", Reducers.identity(512), split));
        for (int d : new int[] {64, 32, 16}) {
            System.out.println(row("pca " + d, Reducers.pca(split.trainRows, d), split));
        }
        long total = (long) epochs * steps;
        List<Integer> chain = args.length > 9 ? java.util.Arrays.stream(args[9].split(",")).map(Integer::valueOf).toList()
                : StageWidths.ARCFACE;
        DeepMdsConfig config = DeepMdsConfigBuilder.paper(chain)
                .scaledSchedule(epochs, steps, pairs, 2 * pairs).learningRate(lr)
                .learningRateSchedule(List.of(new LearningRateStep(Math.max(1, Math.round(0.7 * total)), 0.3),
                        new LearningRateStep(Math.max(2, Math.round(0.9 * total)), 0.1)))
                .init(init).validationFraction(0.2).earlyStopPatience(Math.max(1, epochs / 2))
                .stageLearningRateMultipliers(freeze ? java.util.Collections.nCopies(chain.size() - 1, 0.0) : List.of())
                .covarianceWeight(args.length > 10 ? Double.parseDouble(args[10]) : 10)
                .hardMining(args.length <= 11 || args[11].equals("1"))
                .genuineWeight(args.length > 12 ? Double.parseDouble(args[12]) : 1)
                .earlyStopMetric(args.length > 13 ? args[13] : "nearest-neighbour")
                .identificationWeight(args.length > 14 ? Double.parseDouble(args[14]) : 0)
                .identificationScale(args.length > 15 ? Double.parseDouble(args[15]) : 0)
                .resLayers(args.length > 17 ? Integer.parseInt(args[17]) : 3)
                .build();
        long t0 = System.nanoTime();
        DeepMdsModel model = Reducers.deepMds(config, split.trainRows, split.trainLabels, 1, TrainingListener.NONE,
                out);
        System.out.printf(Locale.ROOT, "trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        for (StageSummary s : model.provenance().stages()) {
            System.out.printf(Locale.ROOT, "stage %d %dd: %d steps %.1f s (mining %.1f s) %.2f steps/s %.0f pairs/s"
                            + " kept epoch %d val %.4f -> %.4f%n", s.stage() + 1, s.outputWidth(), s.steps(), s.seconds(),
                    s.miningSeconds(), s.stepsPerSecond(), s.pairsPerSecond(), s.keptEpoch(), s.startValidation(), s.bestValidation());
        }
        for (int d : model.availableDimensions()) {
            System.out.println(row("deepmds++ " + d, model.reducerForDimension(d), split));
        }
    }

    private static String row(String name, Reducer reducer, IdentitySplit split) {
        float[][] gallery = reducer.reduce(split.gallery);
        float[][] probes = reducer.reduce(split.probes);
        double rank1 = Rank1.accuracy(gallery, split.galleryLabels, probes, split.probeLabels);
        float[][] unit = UnitVectors.normalisedCopy(split.probes, split.probes[0].length, "probes");
        return String.format(Locale.ROOT, "%-14s rank1 %.4f cos-error %.4f", name, rank1,
                CosinePreservation.meanAbsoluteError(unit, probes));
    }
}
