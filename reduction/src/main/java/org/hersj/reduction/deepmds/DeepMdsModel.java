package org.hersj.reduction.deepmds;

import java.util.Arrays;
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
 * A trained DeepMDS / DeepMDS++ chain. As a {@link Reducer} it maps to the width of its last trained
 * stage; {@link #reducerForDimension(int)} gives a reducer to any earlier width of the chain (e.g. 64,
 * 32 or 16 from one ArcFace chain). Inference runs the SameDiff graph of the chain in chunks of bounded
 * size; the graph is shared and calls are serialised.
 */
public final class DeepMdsModel extends ChunkedReducer {

    private static final String OUT = "out";

    private final DeepMdsConfig config;
    private final int trainedStages;
    private final Map<String, INDArray> parameters;
    private final ModelProvenance provenance;
    private SameDiff inference;

    DeepMdsModel(DeepMdsConfig config, int trainedStages, Map<String, INDArray> parameters,
                 ModelProvenance provenance) {
        super(config.inputDimension(), config.stageWidths().get(trainedStages));
        this.config = config;
        this.trainedStages = trainedStages;
        this.parameters = new LinkedHashMap<>();
        for (int s = 0; s < trainedStages; s++) {
            shapes(config, s).forEach((name, shape) -> {
                INDArray v = parameters.get(name);
                if (v == null || !Arrays.equals(v.shape(), shape)) {
                    throw new IllegalArgumentException("DeepMDS parameter " + name + " has shape "
                            + (v == null ? "none" : Arrays.toString(v.shape())) + ", expected "
                            + Arrays.toString(shape));
                }
                this.parameters.put(name, v.dup().castTo(DataType.FLOAT));
            });
        }
        this.provenance = provenance;
    }

    /**
     * Rebuilds a model from stored parameters (used by model loading).
     *
     * @param config        the configuration it was trained with
     * @param trainedStages how many stages of the chain are trained
     * @param parameters    parameter name to row-major float values; shapes follow from the config
     * @param provenance    its provenance
     * @return the model
     * @throws IllegalArgumentException naming a missing parameter or one of the wrong size
     */
    public static DeepMdsModel fromParameters(DeepMdsConfig config, int trainedStages, Map<String, float[]> parameters,
                                              ModelProvenance provenance) {
        if (trainedStages < 1 || trainedStages > config.stageCount()) {
            throw new IllegalArgumentException("trained stages " + trainedStages + " must be in [1, "
                    + config.stageCount() + "]");
        }
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (int s = 0; s < trainedStages; s++) {
            shapes(config, s).forEach((name, shape) -> {
                float[] v = parameters.get(name);
                long size = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
                if (v == null || v.length != size) {
                    throw new IllegalArgumentException("DeepMDS parameter " + name + " has "
                            + (v == null ? "no values" : v.length + " values") + ", expected " + size);
                }
                arrays.put(name, Nd4j.create(v, shape, 'c'));
            });
        }
        return new DeepMdsModel(config, trainedStages, arrays, provenance);
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
        return trainedStages;
    }

    /** @return where the model came from. */
    public ModelProvenance provenance() {
        return provenance;
    }

    /** @return the output widths this model can produce, from the first stage to the last trained one. */
    public List<Integer> availableDimensions() {
        return config.stageWidths().subList(1, trainedStages + 1);
    }

    /** @return copies of the parameters as row-major float arrays, by name, in a fixed order. */
    public Map<String, float[]> parameterValues() {
        Map<String, float[]> out = new LinkedHashMap<>();
        parameters.forEach((n, v) -> out.put(n, v.dup('c').data().asFloat()));
        return out;
    }

    /**
     * @param dimension one of {@link #availableDimensions()}
     * @return a reducer to that width (sharing this model's graph)
     * @throws IllegalArgumentException if the width is not in the trained chain, listing the ones that are
     */
    public Reducer reducerForDimension(int dimension) {
        int stage = availableDimensions().indexOf(dimension);
        if (stage < 0) {
            throw new IllegalArgumentException("this " + method() + " model reduces to " + availableDimensions()
                    + " dims, not " + dimension + "; train a chain that contains " + dimension);
        }
        if (stage == trainedStages - 1) {
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
        return project(normalisedRows, trainedStages - 1);
    }

    private synchronized float[][] project(float[][] rows, int stage) {
        if (inference == null) {
            inference = SameDiff.create();
            StageChainGraph chain = new StageChainGraph(inference, config.stageWidths(), config.resLayers(),
                    trainedStages, parameters);
            chain.apply(inference.placeHolder("x", DataType.FLOAT, -1, inputDimension()), OUT);
        }
        String name = OUT + stage;
        INDArray x = FloatMatrices.toMatrix(rows, inputDimension());
        return FloatMatrices.toRows(inference.output(Map.of("x", x), name).get(name));
    }

    private static Map<String, long[]> shapes(DeepMdsConfig config, int stage) {
        return StageParameters.shapes(stage, config.stageWidths().get(stage), config.stageWidths().get(stage + 1),
                config.resLayers());
    }
}
