package org.hersj.reduction.deepmds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hersj.reduction.core.ChunkedReducer;
import org.hersj.reduction.core.FloatMatrices;
import org.hersj.reduction.core.Reducer;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained DeepMDS / DeepMDS++ chain. It keeps one snapshot of the weights per trained stage: snapshot k
 * holds stages 1..k as they were when stage k finished training (later stages may fine-tune earlier ones,
 * which would otherwise degrade the earlier widths). As a {@link Reducer} it maps to the width of its
 * last trained stage; {@link #reducerForDimension(int)} gives the reducer of any earlier width of the
 * chain (e.g. 64, 32 or 16 from one ArcFace chain), each exactly the model of its stage's checkpoint.
 * Inference runs the SameDiff graph of the snapshot in chunks of bounded size; calls are serialised.
 */
public final class DeepMdsModel extends ChunkedReducer {

    private static final String OUT = "out";

    private final DeepMdsConfig config;
    private final List<Map<String, INDArray>> snapshots;
    private final ModelProvenance provenance;
    private final Map<Integer, SameDiff> inference = new HashMap<>();

    DeepMdsModel(DeepMdsConfig config, List<Map<String, INDArray>> snapshots, ModelProvenance provenance) {
        super(config.inputDimension(), config.stageWidths().get(checkStages(config, snapshots.size())));
        this.config = config;
        List<Map<String, INDArray>> copies = new ArrayList<>();
        for (int k = 0; k < snapshots.size(); k++) {
            Map<String, INDArray> copy = new LinkedHashMap<>();
            for (int s = 0; s <= k; s++) {
                for (Map.Entry<String, long[]> e : shapes(config, s).entrySet()) {
                    INDArray v = snapshots.get(k).get(e.getKey());
                    if (v == null || !Arrays.equals(v.shape(), e.getValue())) {
                        throw new IllegalArgumentException("DeepMDS snapshot " + (k + 1) + " parameter " + e.getKey()
                                + " has shape " + (v == null ? "none" : Arrays.toString(v.shape())) + ", expected "
                                + Arrays.toString(e.getValue()));
                    }
                    copy.put(e.getKey(), v.castTo(DataType.FLOAT).dup());
                }
            }
            copies.add(Collections.unmodifiableMap(copy));
        }
        this.snapshots = List.copyOf(copies);
        this.provenance = provenance;
    }

    /**
     * Rebuilds a model from stored parameters (used by model loading).
     *
     * @param config     the configuration it was trained with
     * @param snapshots  per trained stage k, the parameters of stages 1..k (name to row-major floats);
     *                   shapes follow from the config
     * @param provenance its provenance
     * @return the model
     * @throws IllegalArgumentException naming a missing parameter or one of the wrong size
     */
    public static DeepMdsModel fromParameters(DeepMdsConfig config, List<Map<String, float[]>> snapshots,
                                              ModelProvenance provenance) {
        checkStages(config, snapshots.size());
        List<Map<String, INDArray>> arrays = new ArrayList<>();
        for (int k = 0; k < snapshots.size(); k++) {
            Map<String, INDArray> snapshot = new LinkedHashMap<>();
            for (int s = 0; s <= k; s++) {
                for (Map.Entry<String, long[]> e : shapes(config, s).entrySet()) {
                    float[] v = snapshots.get(k).get(e.getKey());
                    long size = Arrays.stream(e.getValue()).reduce(1, (x, y) -> x * y);
                    if (v == null || v.length != size) {
                        throw new IllegalArgumentException("DeepMDS snapshot " + (k + 1) + " parameter " + e.getKey()
                                + " has " + (v == null ? "no values" : v.length + " values") + ", expected " + size);
                    }
                    snapshot.put(e.getKey(), Nd4j.create(v, e.getValue(), 'c'));
                }
            }
            arrays.add(snapshot);
        }
        return new DeepMdsModel(config, arrays, provenance);
    }

    private static int checkStages(DeepMdsConfig config, int trainedStages) {
        if (trainedStages < 1 || trainedStages > config.stageCount()) {
            throw new IllegalArgumentException("trained stages " + trainedStages + " must be in [1, "
                    + config.stageCount() + "]");
        }
        return trainedStages;
    }

    @Override
    public String method() {
        return config.method();
    }

    /** @return the training configuration. */
    public DeepMdsConfig config() {
        return config;
    }

    /** @return how many stages of the configured chain this model holds. */
    public int trainedStages() {
        return snapshots.size();
    }

    /** @return where the model came from. */
    public ModelProvenance provenance() {
        return provenance;
    }

    /** @return the output widths this model can produce, from the first stage to the last trained one. */
    public List<Integer> availableDimensions() {
        return config.stageWidths().subList(1, trainedStages() + 1);
    }

    /**
     * @return per trained stage k, copies of the parameters of stages 1..k as row-major float arrays, by
     *         name, in a fixed order
     */
    public List<Map<String, float[]>> snapshotValues() {
        List<Map<String, float[]>> out = new ArrayList<>();
        for (Map<String, INDArray> snapshot : snapshots) {
            Map<String, float[]> values = new LinkedHashMap<>();
            snapshot.forEach((n, v) -> values.put(n, v.dup('c').data().asFloat()));
            out.add(values);
        }
        return out;
    }

    /**
     * @param dimension one of {@link #availableDimensions()}
     * @return the reducer of the stage with that output width (its checkpoint's weights)
     * @throws IllegalArgumentException if the width is not in the trained chain, listing the ones that are
     */
    public Reducer reducerForDimension(int dimension) {
        int stage = availableDimensions().indexOf(dimension);
        if (stage < 0) {
            throw new IllegalArgumentException("this " + method() + " model reduces to " + availableDimensions()
                    + " dims, not " + dimension + "; train a chain that contains " + dimension);
        }
        if (stage == trainedStages() - 1) {
            return this;
        }
        DeepMdsModel owner = this;
        return new ChunkedReducer(inputDimension(), dimension) {
            @Override
            public String method() {
                return owner.method();
            }

            @Override
            protected float[][] reduceChunk(float[][] normalisedRows) {
                return owner.project(normalisedRows, stage);
            }
        };
    }

    @Override
    protected float[][] reduceChunk(float[][] normalisedRows) {
        return project(normalisedRows, trainedStages() - 1);
    }

    private synchronized float[][] project(float[][] rows, int stage) {
        SameDiff graph = inference.computeIfAbsent(stage, k -> {
            SameDiff sd = SameDiff.create();
            StageChainGraph chain = new StageChainGraph(sd, config.stageWidths(), config.resLayers(), k + 1,
                    snapshots.get(k));
            chain.apply(sd.placeHolder("x", DataType.FLOAT, -1, inputDimension()), OUT);
            return sd;
        });
        String name = OUT + stage;
        INDArray x = FloatMatrices.toMatrix(rows, inputDimension());
        return FloatMatrices.toRows(graph.output(Map.of("x", x), name).get(name));
    }

    private static Map<String, long[]> shapes(DeepMdsConfig config, int stage) {
        return StageParameters.shapes(stage, config.stageWidths().get(stage), config.stageWidths().get(stage + 1),
                config.resLayers());
    }
}
