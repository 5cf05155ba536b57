package org.hersj.reduction.deepmds;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The DeepMDS chain written out in plain double arithmetic, as the reference for tests. */
final class HandForward {

    private final Map<String, INDArray> params;
    private final List<Integer> widths;
    private final int resLayers;

    HandForward(Map<String, INDArray> params, List<Integer> widths, int resLayers) {
        this.params = params;
        this.widths = widths;
        this.resLayers = resLayers;
    }

    double[] apply(float[] row) {
        double[] x = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            x[i] = row[i];
        }
        for (int s = 0; s < widths.size() - 1; s++) {
            double[] skip = linear(x, "s" + s + "_fc0");
            double[] h = x;
            for (int i = 0; i < resLayers; i++) {
                double[] r = linear(h, "s" + s + "_fc1_" + i);
                double[] sum = new double[h.length];
                for (int j = 0; j < h.length; j++) {
                    sum[j] = h[j] + Math.max(0, r[j]);
                }
                h = linear(sum, "s" + s + "_fc2_" + i);
            }
            double norm = 0;
            for (int j = 0; j < h.length; j++) {
                h[j] += skip[j];
                norm += h[j] * h[j];
            }
            for (int j = 0; j < h.length; j++) {
                h[j] /= Math.sqrt(norm);
            }
            x = h;
        }
        return x;
    }

    private double[] linear(double[] x, String layer) {
        INDArray w = params.get(layer + "_w");
        INDArray b = params.get(layer + "_b");
        double[] y = new double[(int) w.columns()];
        for (int o = 0; o < y.length; o++) {
            double s = b.getDouble(o);
            for (int i = 0; i < x.length; i++) {
                s += x[i] * w.getDouble(i, o);
            }
            y[o] = s;
        }
        return y;
    }
}
