package org.hersj.reduction.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hersj.reduction.ClusteredSphereData;
import org.hersj.reduction.Reducers;
import org.hersj.reduction.core.CosinePreservation;
import org.hersj.reduction.core.FloatMatrices;
import org.hersj.reduction.core.Reducer;
import org.hersj.reduction.core.UnitVectors;
import org.hersj.reduction.deepmds.DeepMdsConfig;
import org.hersj.reduction.deepmds.DeepMdsConfigBuilder;
import org.hersj.reduction.deepmds.DeepMdsModel;
import org.hersj.reduction.deepmds.StageSummary;
import org.hersj.reduction.deepmds.StageWidths;
import org.hersj.reduction.deepmds.TrainingListener;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measurement utility (not a test): rank-1 at 64 / 32 / 16 dims for PCA, DeepMDS and DeepMDS++ next to
 * the full-dimension rank-1, on the LFW CosFace set and on a synthetic ArcFace-like set, plus training and
 * inference speed. Usage:
 * {@code ReductionReport <lfw-dir> <out-dir> <lfw|synthetic|all> [epochs] [stepsPerEpoch] [pairsPerKind]
 * [both|plusplus]}.
 * Lines are printed as they are measured and collected in {@code <out-dir>/report-<which>.txt}.
 */
public final class ReductionReport {

    private static final int[] DIMS = {64, 32, 16};

    private ReductionReport() {
    }

    /**
     * @param args lfw directory, output directory, which data set, then optional epochs, steps per epoch
     *             and pairs per kind of the scaled-down schedule
     * @throws IOException if the data cannot be read or the report not written
     */
    public static void main(String[] args) throws IOException {
        Path lfw = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String which = args[2];
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int steps = args.length > 4 ? Integer.parseInt(args[4]) : 25;
        int pairs = args.length > 5 ? Integer.parseInt(args[5]) : 64;
        boolean plainToo = args.length <= 6 || args[6].equals("both");
        Files.createDirectories(out);
        DeepMdsConfig plusPlus = DeepMdsConfigBuilder.paper(StageWidths.ARCFACE)
                .scaledSchedule(epochs, steps, pairs, 4 * pairs).learningRate(1e-3).build();
        List<String> lines = new PrintingList();
        lines.add("# config: " + plusPlus);
        if (which.equals("lfw") || which.equals("all")) {
                float[][] rows = FloatMatrices.toRows(Nd4j.createFromNpyFile(new File(lfw.toFile(), "embeddings.npy")));
            int[] labels = Nd4j.createFromNpyFile(new File(lfw.toFile(), "labels.npy")).toIntVector();
            evaluate("lfw-cosface512", new IdentitySplit(rows, labels, 0), plusPlus, plainToo, out, lines);
        }
        if (which.equals("synthetic") || which.equals("all")) {
            ClusteredSphereData synthetic = ClusteredSphereData.generate(512, 128, 300, 6, 2.0, 0.5, 21);
            evaluate("synthetic-arcface512", new IdentitySplit(synthetic.rows, synthetic.labels, 0), plusPlus, plainToo,
                    out, lines);
        }
        Files.write(out.resolve("report-" + which + ".txt"), lines);
    }

    /** A list that also prints every line added, so partial results survive an interrupted run. */
    private static final class PrintingList extends ArrayList<String> {
        @Override
        public boolean add(String line) {
            System.out.println(line);
            return super.add(line);
        }
    }

    private static void evaluate(String name, IdentitySplit split, DeepMdsConfig plusPlus, boolean plainToo,
                                 Path out, List<String> lines) {
        lines.add("## " + name + ": " + split);
        int d = split.trainRows[0].length;
        Reducer full = Reducers.identity(d);
        lines.add(row(name, "full", d, full, split));
        for (int dim : DIMS) {
            lines.add(row(name, "pca", dim, Reducers.pca(split.trainRows, dim), split));
        }
        for (DeepMdsConfig config : plainToo ? List.of(plusPlus.asPlainDeepMds(), plusPlus) : List.of(plusPlus)) {
            long t0 = System.nanoTime();
            DeepMdsModel model = Reducers.deepMds(config, split.trainRows, split.trainLabels, 1, TrainingListener.NONE,
                    out.resolve(name + "-" + config.method().replace("+", "p")));
            double seconds = (System.nanoTime() - t0) / 1e9;
            for (StageSummary s : model.provenance().stages()) {
                double pairsPerStep = config.genuinePairsPerBatch() + config.impostorPairsPerBatch();
                lines.add(String.format(Locale.ROOT, "train %s %s stage %d (%dd): %d steps %.1f s, %.2f steps/s, "
                                + "%.0f pairs/s, final loss %.4f (g %.4f i %.4f c %.4f)", name, config.method(),
                        s.stage() + 1, s.outputWidth(), s.steps(), s.seconds(), s.steps() / s.seconds(),
                        s.steps() * pairsPerStep / s.seconds(), s.finalTrainLoss().total(),
                        s.finalTrainLoss().genuine(), s.finalTrainLoss().impostor(), s.finalTrainLoss().covariance()));
            }
            lines.add(String.format(Locale.ROOT, "train %s %s total %.1f s", name, config.method(), seconds));
            for (int dim : DIMS) {
                lines.add(row(name, config.method(), dim, model.reducerForDimension(dim), split));
            }
            if (name.startsWith("lfw")) {
                lines.add(throughput(model));
            }
        }
    }

    private static String row(String name, String method, int dim, Reducer reducer, IdentitySplit split) {
        float[][] gallery = reducer.reduce(split.gallery);
        float[][] probes = reducer.reduce(split.probes);
        double rank1 = Rank1.accuracy(gallery, split.galleryLabels, probes, split.probeLabels);
        float[][] unitProbes = UnitVectors.normalisedCopy(split.probes, split.probes[0].length, "probes");
        double cosError = CosinePreservation.meanAbsoluteError(unitProbes, probes);
        float[][] unitTrain = UnitVectors.normalisedCopy(split.trainRows, split.trainRows[0].length, "train");
        double trainCosError = CosinePreservation.meanAbsoluteError(unitTrain, reducer.reduce(split.trainRows));
        return String.format(Locale.ROOT, "rank1 %-22s %-10s %4d-d  rank1 %.4f  cos-error test %.4f train %.4f",
                name, method, dim, rank1, cosError, trainCosError);
    }

    private static String throughput(DeepMdsModel model) {
        int n = 20_000;
        SplittableRandom r = new SplittableRandom(5);
        float[][] rows = new float[n][model.inputDimension()];
        for (float[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (r.nextDouble() - 0.5);
            }
        }
        model.reduce(java.util.Arrays.copyOf(rows, 2000)); // warm-up
        long t0 = System.nanoTime();
        model.reduce(rows);
        double s = (System.nanoTime() - t0) / 1e9;
        return String.format(Locale.ROOT, "inference %s 512->16: %d vectors in %.2f s = %.0f vectors/s", model.method(),
                n, s, n / s);
    }
}
