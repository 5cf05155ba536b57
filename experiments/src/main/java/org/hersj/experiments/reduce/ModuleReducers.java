package org.hersj.experiments.reduce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hersj.experiments.cache.StageCache;
import org.hersj.experiments.config.ReductionConfig;
import org.hersj.experiments.config.TrainingConfig;
import org.hersj.experiments.progress.Progress;
import org.hersj.reduction.Reducers;
import org.hersj.reduction.core.Reducer;
import org.hersj.reduction.deepmds.DeepMdsConfig;
import org.hersj.reduction.deepmds.DeepMdsConfigBuilder;
import org.hersj.reduction.deepmds.DeepMdsModel;
import org.hersj.reduction.deepmds.StageWidths;
import org.hersj.reduction.deepmds.TrainingListener;
import org.hersj.reduction.deepmds.TrainingStep;

/**
 * The one adapter from configs to the {@code reduction} module: {@code identity}, {@code pca},
 * {@code deepmds} and {@code deepmds++}. Fitted models are saved as model files in the stage cache under
 * the hash of the training data and settings and loaded from there on a later run. A DeepMDS entry trains
 * the paper's chain of the input width ({@link StageWidths#forInput}: 512-256-128-64-32-16,
 * 192-128-64-32-16-8-4, 1536-1024-...-16) down to its smallest dimension and serves each dimension from
 * that stage's snapshot; for an input width the paper has no chain for, the chain is the input width
 * followed by the entry's dimensions, as it is with {@code training.chain: direct}.
 */
public final class ModuleReducers {

    /** File name of a cached model. */
    public static final String MODEL_FILE = "model.hersred";
    /** File name of the trainer's per-stage table (steps/s, pairs/s, kept epoch). */
    public static final String STAGES_FILE = "training-stages.csv";

    private ModuleReducers() {
    }

    /** @return providers of the four methods */
    public static List<ReducerProvider> all() {
        return List.of(provider("identity"), provider("pca"), provider("deepmds"), provider("deepmds++"));
    }

    private static ReducerProvider provider(String method) {
        return new ReducerProvider() {
            @Override
            public String method() {
                return method;
            }

            @Override
            public String checkDimensions(int in, int out) {
                if (method.equals("identity")) {
                    return in == out ? null : "identity keeps the input dimension " + in + "; omit dimensions or give ["
                            + in + "]";
                }
                if (out < 2 || out >= in) {
                    return method + " needs output dimensions between 2 and " + (in - 1);
                }
                List<Integer> paperChain = StageWidths.forInput(in);
                if (method.startsWith("deepmds") && paperChain != null && !paperChain.contains(out)) {
                    return out + " is not a width of the paper's chain " + paperChain + " for " + in
                            + "-d input; expected one of " + paperChain.subList(1, paperChain.size());
                }
                return null;
            }

            @Override
            public boolean needsTrainingData() {
                return !method.equals("identity");
            }

            @Override
            public ReductionStage create(ReductionRequest request) {
                return method.equals("identity") ? new ReductionStage(Reducers.identity(request.inputDimension()), null, false)
                        : fitted(request);
            }
        };
    }

    private static ReductionStage fitted(ReductionRequest r) {
        if (r.train() == null) {
            throw new IllegalStateException("method " + r.entry().method() + " needs training data");
        }
        ReductionConfig entry = r.entry();
        List<Integer> chain = entry.method().equals("pca") ? List.of(r.inputDimension(), r.outputDimension())
                : chain(r.inputDimension(), entry);
        String hash = new StageCache.Hasher().add("reducer-v2").add(entry.method()).add(chain.toString())
                .add(entry.method().equals("pca") ? "" : deepMdsConfig(entry, chain).withSeed(r.seed()).toString())
                .add(r.seed()).add(r.train().vectors()).add(r.train().labels()).hex();
        StageCache.Entry cached = new StageCache(r.cacheRoot()).getOrBuild("model", hash, dir -> {
            Reducer model = entry.method().equals("pca")
                    ? Reducers.pca(r.train().vectors(), chain.get(chain.size() - 1))
                    : Reducers.deepMds(deepMdsConfig(entry, chain), r.train().vectors(), r.train().labels(), r.seed(),
                            listener(entry.label(), r.progress()), dir);
            Reducers.save(model, dir.resolve(MODEL_FILE));
        });
        Reducer model = Reducers.load(cached.dir().resolve(MODEL_FILE));
        Reducer reducer = model instanceof DeepMdsModel deep ? deep.reducerForDimension(r.outputDimension()) : model;
        return new ReductionStage(reducer, cached.dir(), cached.reused());
    }

    /**
     * A DeepMDS chain: the paper's chain of the input width down to the entry's smallest dimension, or
     * (no paper chain, or {@code training.chain: direct}) the input width, then the entry's dimensions
     * from largest to smallest.
     */
    private static List<Integer> chain(int input, ReductionConfig entry) {
        List<Integer> dims = new ArrayList<>(entry.dimensions() == null ? List.of() : entry.dimensions());
        dims.sort(Comparator.reverseOrder());
        List<Integer> paper = StageWidths.forInput(input);
        boolean direct = entry.training() != null && entry.training().chain().equals("direct");
        if (!direct && paper != null && !dims.isEmpty() && paper.containsAll(dims)) {
            return paper.subList(0, paper.indexOf(dims.get(dims.size() - 1)) + 1);
        }
        List<Integer> chain = new ArrayList<>();
        chain.add(input);
        dims.stream().distinct().forEach(chain::add);
        return chain;
    }

    private static DeepMdsConfig deepMdsConfig(ReductionConfig entry, List<Integer> chain) {
        TrainingConfig t = entry.training();
        boolean plus = entry.method().equals("deepmds++");
        DeepMdsConfigBuilder b = DeepMdsConfigBuilder.paper(chain)
                .scaledSchedule(t.epochs(), t.stepsPerEpoch(), t.pairsPerKind(), t.miningCandidates())
                .learningRate(t.learningRate()).resLayers(t.resLayers()).init(t.init())
                .validationFraction(t.validationFraction()).earlyStopPatience(t.earlyStopPatience())
                .earlyStopMetric(t.earlyStopMetric());
        if (t.schedule().equals("late-decay")) {
            b.lateDecay();
        }
        if (t.freezeEarlierStages()) {
            b.stageLearningRateMultipliers(java.util.Collections.nCopies(chain.size() - 1, 0.0));
        }
        b.covarianceWeight(t.covarianceWeight() != null ? t.covarianceWeight() : plus ? 10 : 0);
        b.hardMining(t.hardMining() != null ? t.hardMining() : plus);
        b.identificationWeight(t.identificationWeight());
        if (t.identificationScale() != null) {
            b.identificationScale(t.identificationScale());
        }
        return b.build();
    }

    private static TrainingListener listener(String label, Progress progress) {
        return new TrainingListener() {
            @Override
            public void onStep(TrainingStep s) {
                long total = (long) s.stageCount() * s.stepsPerStage();
                long done = (long) s.stage() * s.stepsPerStage() + s.step() + 1;
                progress.update("train " + label, Math.min(done, total), total);
            }
        };
    }

    /**
     * @param modelDir a cached model directory
     * @return the loss curve files the trainer wrote there ({@code loss-stage<k>-<width>d.csv}) and its
     *         per-stage speed table ({@value #STAGES_FILE}), in order
     */
    public static List<Path> lossCurves(Path modelDir) {
        try (var files = java.nio.file.Files.list(modelDir)) {
            return files.filter(p -> (p.getFileName().toString().startsWith("loss-")
                            || p.getFileName().toString().equals(STAGES_FILE)) && p.toString().endsWith(".csv"))
                    .sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
