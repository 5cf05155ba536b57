package org.hersj.reduction.deepmds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The DeepMDS chain in a SameDiff graph: declares the parameters of stages {@code first .. stages-1} as
 * variables and applies them to any input (the same variables serve every input, e.g. both sides of a
 * pair). Each stage: {@code skip = fc0(x)}; per residual layer {@code h = fc2_i(h + relu(fc1_i(h)))};
 * {@code y = normalise(h + skip)}; the next stage takes {@code y}.
 */
final class StageChainGraph {

    private static final double NORM_EPSILON = 1e-12;

    private final SameDiff sd;
    private final List<Integer> widths;
    private final int resLayers;
    private final int first;
    private final int stages;
    private final Map<String, SDVariable> variables = new LinkedHashMap<>();

    /**
     * @param sd        the graph to add variables to
     * @param widths    the chain, input width first
     * @param resLayers residual layers per stage
     * @param stages    how many stages of the chain to build (1..widths.size()-1)
     * @param params    values of every parameter of those stages (copied into the graph)
     */
    StageChainGraph(SameDiff sd, List<Integer> widths, int resLayers, int stages, Map<String, INDArray> params) {
        this(sd, widths, resLayers, 0, stages, params);
    }

    /**
     * A graph of part of the chain: stages {@code first .. stages-1}, whose input is the output of stage
     * {@code first - 1} (of width {@code widths[first]}).
     *
     * @param sd        the graph to add variables to
     * @param widths    the chain, input width first
     * @param resLayers residual layers per stage
     * @param first     0-based index of the first stage in the graph
     * @param stages    one past the last stage in the graph (first < stages <= widths.size()-1)
     * @param params    values of every parameter of those stages (copied into the graph)
     */
    StageChainGraph(SameDiff sd, List<Integer> widths, int resLayers, int first, int stages,
                    Map<String, INDArray> params) {
        this.sd = sd;
        this.widths = widths;
        this.resLayers = resLayers;
        this.first = first;
        this.stages = stages;
        for (int s = first; s < stages; s++) {
            for (String name : StageParameters.shapes(s, widths.get(s), widths.get(s + 1), resLayers).keySet()) {
                INDArray value = params.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("missing parameter " + name + " for stage " + (s + 1));
                }
                variables.put(name, sd.var(name, value.dup()));
            }
        }
    }

    /**
     * Applies the chain to {@code x}.
     *
     * @param x          input rows [n, widths[first]] (unit vectors)
     * @param outputName if not null, stage k's normalised output is named {@code outputName + k}
     * @return the normalised output of every stage, in order
     */
    List<SDVariable> apply(SDVariable x, String outputName) {
        List<SDVariable> outputs = new ArrayList<>();
        SDVariable input = x;
        for (int s = first; s < stages; s++) {
            SDVariable skip = linear(input, StageParameters.layer(s, "fc0"));
            SDVariable h = input;
            for (int i = 0; i < resLayers; i++) {
                SDVariable r = sd.nn().relu(linear(h, StageParameters.layer(s, "fc1_" + i)), 0);
                h = linear(h.add(r), StageParameters.layer(s, "fc2_" + i));
            }
            SDVariable y = h.add(skip);
            SDVariable norm = sd.math().sqrt(sd.sum(y.mul(y), true, 1).add(NORM_EPSILON));
            input = outputName == null ? y.div(norm) : y.div(outputName + s, norm);
            outputs.add(input);
        }
        return outputs;
    }

    /** @return the graph variables of all parameters, by name. */
    Map<String, SDVariable> variables() {
        return variables;
    }

    /** @return the input width of this graph (the output width of the stage before its first). */
    int inputWidth() {
        return widths.get(first);
    }

    /** @return the output width of the last stage. */
    int outputWidth() {
        return widths.get(stages);
    }

    private SDVariable linear(SDVariable x, String layer) {
        return x.mmul(variables.get(layer + "_w")).add(variables.get(layer + "_b"));
    }
}
