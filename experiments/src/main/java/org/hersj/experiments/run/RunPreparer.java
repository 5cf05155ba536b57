package org.hersj.experiments.run;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hersj.experiments.config.ConfigException;
import org.hersj.experiments.config.ConfigLoader;
import org.hersj.experiments.config.DatasetConfig;
import org.hersj.experiments.config.ExperimentConfig;
import org.hersj.experiments.config.ProtocolConfig;
import org.hersj.experiments.config.ReductionConfig;
import org.hersj.experiments.config.TwoStageConfig;
import org.hersj.experiments.data.Dataset;
import org.hersj.experiments.data.DatasetLoader;
import org.hersj.experiments.data.synth.SyntheticGenerator;
import org.hersj.experiments.progress.Progress;
import org.hersj.experiments.protocol.IdentificationProtocol;
import org.hersj.experiments.protocol.IdentificationSplit;
import org.hersj.experiments.protocol.TrainTestIdentities;

/**
 * Does every check a run needs before it computes anything: reads the config, checks stage names, loads
 * the data, checks dimensions, splits gallery and probes, and plans the results directory. Anything
 * wrong is reported here, and nothing has been written yet.
 */
final class RunPreparer {

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunPreparer() {
    }

    static PreparedRun prepare(Path configFile, RunOptions options, StageRegistry registry, Progress progress) {
        ExperimentConfig config = ConfigLoader.load(configFile);
        registry.check(config, configFile);
        try {
            org.hersj.fhe.ckks.CkksPresets.byName(config.fhe().preset());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(configFile, "fhe.preset", e.getMessage());
        }
        String runId = options.runId() != null ? options.runId() : freeRunId(options.resultsDir(), config.name());
        Path target = RunDirectory.plan(options.resultsDir(), config.name(), runId);

        SplittableRandom root = new SplittableRandom(config.seed());
        Map<String, Long> seeds = new LinkedHashMap<>();
        seeds.put("run", config.seed());
        seeds.put("dataset", root.split().nextLong());
        seeds.put("protocol", root.split().nextLong());
        SplittableRandom reductionSeeds = root.split();
        seeds.put("search", root.split().nextLong());
        seeds.put("train-identities", root.split().nextLong());

        Dataset dataset = load(config.dataset(), seeds.get("dataset"), progress);
        Dataset train = null;
        boolean trains = config.reduction().stream().anyMatch(r -> registry.reducer(r.method()).needsTrainingData());
        if (config.training() != null) {
            seeds.put("training-dataset", root.split().nextLong());
            train = trainingSet(config.training().dataset(), seeds.get("training-dataset"), dataset.dimension(),
                    configFile, progress);
        } else if (trains) {
            try {
                TrainTestIdentities parts = TrainTestIdentities.split(dataset, config.protocol().trainIdentities(),
                        seeds.get("train-identities"));
                train = parts.train();
                dataset = parts.test();
            } catch (IllegalArgumentException e) {
                throw new ConfigException(configFile, "protocol.trainIdentities", e.getMessage());
            }
        }
        List<PreparedRun.SweepPoint> sweep = sweep(config, configFile, dataset.dimension(), registry, reductionSeeds);
        ProtocolConfig protocol = config.protocol();
        IdentificationSplit split;
        try {
            split = IdentificationProtocol.split(dataset,
                    protocol.maxDistractors() == null ? Integer.MAX_VALUE : protocol.maxDistractors(),
                    protocol.maxProbes() == null ? Integer.MAX_VALUE : protocol.maxProbes(), seeds.get("protocol"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(configFile, "dataset", e.getMessage());
        }
        checkTwoStage(config, configFile, dataset.dimension(), split.gallery().length, sweep);
        return new PreparedRun(configFile, config, dataset, split, sweep, target, runId, seeds, train,
                options.resultsDir().toAbsolutePath().normalize().resolve(config.name()).resolve("cache"));
    }

    /**
     * The separate training set of {@code training.dataset}: its labelled samples (no distractors), which
     * must have the evaluated dataset's dimension.
     */
    private static Dataset trainingSet(DatasetConfig config, long seed, int dimension, Path configFile,
                                       Progress progress) {
        Dataset all = load(config, seed, progress);
        String key = config.usesSyntheticData() ? "training.dataset.synthetic.kind" : "training.dataset.features";
        if (all.dimension() != dimension) {
            throw new ConfigException(configFile, key, "has dimension " + all.dimension() + " but the evaluated"
                    + " dataset has dimension " + dimension + "; expected training data of the same dimension");
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.labels()[i] != Dataset.DISTRACTOR) {
                keep.add(i);
            }
        }
        float[][] vectors = new float[keep.size()][];
        int[] labels = new int[keep.size()];
        for (int k = 0; k < keep.size(); k++) {
            vectors[k] = all.vectors()[keep.get(k)];
            labels[k] = all.labels()[keep.get(k)];
        }
        if (java.util.Arrays.stream(labels).distinct().count() < 2) {
            throw new ConfigException(configFile, key, "has fewer than two labelled identities; expected a labelled"
                    + " training set");
        }
        return new Dataset(all.name(), vectors, labels);
    }

    private static Dataset load(DatasetConfig dataset, long seed, Progress progress) {
        if (dataset.usesSyntheticData()) {
            Dataset generated = SyntheticGenerator.generate(dataset.synthetic().toSpec(seed), progress);
            return new Dataset(dataset.name(), generated.vectors(), generated.labels());
        }
        return DatasetLoader.load(dataset.name(), Path.of(dataset.features()), Path.of(dataset.labels()));
    }

    private static List<PreparedRun.SweepPoint> sweep(ExperimentConfig config, Path configFile, int inputDimension,
                                                      StageRegistry registry, SplittableRandom seeds) {
        List<PreparedRun.SweepPoint> points = new ArrayList<>();
        for (int i = 0; i < config.reduction().size(); i++) {
            ReductionConfig r = config.reduction().get(i);
            List<Integer> dims = r.dimensions() == null ? List.of(inputDimension) : r.dimensions();
            long entrySeed = seeds.split().nextLong();
            for (int j = 0; j < dims.size(); j++) {
                String problem = registry.reducer(r.method()).checkDimensions(inputDimension, dims.get(j));
                if (problem != null) {
                    String key = "reduction[" + i + "].dimensions" + (r.dimensions() == null ? "" : "[" + j + "]");
                    throw new ConfigException(configFile, key, problem + " (the dataset has dimension " + inputDimension + ")");
                }
                points.add(new PreparedRun.SweepPoint(r, dims.get(j), entrySeed));
            }
        }
        return points;
    }

    /** The two-stage keys that need the data: stage-2 dimension, a stage-1 row to search, k within the gallery. */
    private static void checkTwoStage(ExperimentConfig config, Path configFile, int inputDimension, int galleryItems,
                                      List<PreparedRun.SweepPoint> sweep) {
        TwoStageConfig twoStage = config.twoStage();
        if (twoStage == null) {
            return;
        }
        if (twoStage.stage2Dimension() != null && twoStage.stage2Dimension() != inputDimension) {
            throw new ConfigException(configFile, "twoStage.stage2Dimension", "is " + twoStage.stage2Dimension()
                    + " but the dataset has dimension " + inputDimension + "; stage 2 re-scores the dataset's own"
                    + " features, so give " + inputDimension + " or omit the key");
        }
        if (twoStage.stage1Dimension() >= inputDimension) {
            throw new ConfigException(configFile, "twoStage.stage1Dimension", "is " + twoStage.stage1Dimension()
                    + "; expected a reduced dimension below the dataset's " + inputDimension);
        }
        boolean searched = sweep.stream().anyMatch(p -> config.searchModes(p.entry(), p.dimension())
                .contains(TwoStageConfig.MODE));
        if (!searched) {
            throw new ConfigException(configFile, "twoStage.stage1Dimension", "is " + twoStage.stage1Dimension()
                    + " but no reduction entry with that dimension lists search mode " + TwoStageConfig.MODE
                    + "; expected one of the swept dimensions " + sweep.stream().map(p -> p.dimension()).distinct().toList());
        }
        if (twoStage.k() > galleryItems) {
            throw new ConfigException(configFile, "twoStage.k", "is " + twoStage.k() + " but the gallery has "
                    + galleryItems + " items; expected at most " + galleryItems);
        }
    }

    private static String freeRunId(Path resultsDir, String experiment) {
        String base = ZonedDateTime.now(ZoneOffset.UTC).format(RUN_ID);
        Path dir = resultsDir.toAbsolutePath().normalize().resolve(experiment);
        String id = base;
        for (int n = 2; java.nio.file.Files.exists(dir.resolve(id)); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
