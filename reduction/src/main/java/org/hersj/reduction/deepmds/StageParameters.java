package org.hersj.reduction.deepmds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Names, shapes and Xavier initialisation of the parameters of one stage (a residual block d_in -> d_out):
 * {@code fc0} the linear long skip d_in -> d_out; for each residual layer i, {@code fc1_i} (width -> width,
 * followed by ReLU and added to its input) and {@code fc2_i} (the linear down-projection). Weight matrices
 * are [in, out] and end in {@code _w}; biases [out] end in {@code _b} and start at zero.
 */
final class StageParameters {

    private StageParameters() {
    }

    /**
     * @param stage     0-based stage index
     * @param in        stage input width
     * @param out       stage output width
     * @param resLayers residual layers
     * @return parameter name to shape, in a fixed order
     */
    static Map<String, long[]> shapes(int stage, int in, int out, int resLayers) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        addLayer(shapes, layer(stage, "fc0"), in, out);
        int[] widths = StageWidths.residualWidths(in, out, resLayers);
        for (int i = 0; i < resLayers; i++) {
            addLayer(shapes, layer(stage, "fc1_" + i), widths[i], widths[i]);
            addLayer(shapes, layer(stage, "fc2_" + i), widths[i], widths[i + 1]);
        }
        return shapes;
    }

    /**
     * Xavier (Glorot) uniform initialisation of weights, zero biases.
     *
     * @param shapes parameter shapes from {@link #shapes}
     * @param random the seeded source
     * @return name to freshly initialised float32 array
     */
    static Map<String, INDArray> initialise(Map<String, long[]> shapes, SplittableRandom random) {
        Map<String, INDArray> params = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            long[] shape = e.getValue();
            float[] values = new float[Math.toIntExact(shape.length == 2 ? shape[0] * shape[1] : shape[0])];
            if (isWeight(e.getKey())) {
                double limit = Math.sqrt(6.0 / (shape[0] + shape[1]));
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
                }
            }
            params.put(e.getKey(), Nd4j.create(values, shape, 'c'));
        }
        return params;
    }

    /**
     * Sets a freshly initialised stage to start exactly at PCA's map (a deviation from the paper): the long
     * skip {@code fc0} becomes the centred projection {@code (x - mean) W}, and the last down-projection
     * {@code fc2} of the residual branch becomes zero, so the branch adds nothing until it is trained (its
     * other layers keep their random weights, so gradients reach them once the last layer moves).
     *
     * @param params     one stage's parameters from {@link #initialise}, changed in place
     * @param stage      0-based stage index
     * @param resLayers  residual layers of the stage
     * @param mean       training mean of the stage's input, length d_in
     * @param components [d_in][d_out] principal axes of the stage's input
     */
    static void startAtPca(Map<String, INDArray> params, int stage, int resLayers, float[] mean,
                           float[][] components) {
        int in = components.length;
        int out = components[0].length;
        float[] bias = new float[out];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                bias[j] -= mean[i] * components[i][j];
            }
        }
        String fc0 = layer(stage, "fc0");
        params.get(fc0 + "_w").assign(Nd4j.create(components));
        params.get(fc0 + "_b").assign(Nd4j.create(bias, new long[] {out}, 'c'));
        String lastFc2 = layer(stage, "fc2_" + (resLayers - 1));
        params.get(lastFc2 + "_w").assign(0);
        params.get(lastFc2 + "_b").assign(0);
    }

    /**
     * @param names parameter names
     * @return the weight-matrix names among them (weight decay applies to these only)
     */
    static List<String> weights(Iterable<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (isWeight(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * @param stage 0-based stage index
     * @param name  layer name within the stage
     * @return the layer's name prefix in the graph
     */
    static String layer(int stage, String name) {
        return "s" + stage + "_" + name;
    }

    private static boolean isWeight(String name) {
        return name.endsWith("_w");
    }

    private static void addLayer(Map<String, long[]> shapes, String layer, int in, int out) {
        shapes.put(layer + "_w", new long[] {in, out});
        shapes.put(layer + "_b", new long[] {out});
    }
}
