package org.hersj.reduction.deepmds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;

/** The ND4J-updater Adam equals Adam computed by hand (bias-corrected), with multipliers and frozen parameters. */
class AdamOptimizerTest {

    @Test
    void threeStepsMatchTheFormula() {
        double[] g = {0.5, -2.0, 1e-3, 0.0};
        double[][] steps = {{1, 1, 1, 1}, {0.5, -1, 2, 3}, {-1, 0.25, 1, -2}};
        AdamOptimizer adam = new AdamOptimizer(Map.of("w", 0.5, "frozen", 0.0));
        INDArray w = Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2}, 'c');
        INDArray frozen = Nd4j.create(new float[] {7, 8}, new long[] {2}, 'c');
        double[] expected = {1, 2, 3, 4};
        double[] m = new double[4];
        double[] v = new double[4];
        double rate = 0.01;
        for (int t = 1; t <= steps.length; t++) {
            float[] grad = new float[4];
            for (int i = 0; i < 4; i++) {
                grad[i] = (float) (g[i] * steps[t - 1][i]);
                m[i] = 0.9 * m[i] + 0.1 * grad[i];
                v[i] = 0.999 * v[i] + 0.001 * grad[i] * grad[i];
                double alpha = rate * 0.5 * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
                expected[i] -= alpha * m[i] / (Math.sqrt(v[i]) + 1e-8);
            }
            Map<String, INDArray> gradients = new HashMap<>();
            gradients.put("w", Nd4j.create(grad, new long[] {2, 2}, 'c'));
            gradients.put("frozen", Nd4j.create(new float[] {1, 1}, new long[] {2}, 'c'));
            adam.update(Map.of("w", w, "frozen", frozen), gradients, rate);
        }
        float[] want = new float[4];
        for (int i = 0; i < 4; i++) {
            want[i] = (float) expected[i];
        }
        assertArrayEquals(want, w.data().asFloat(), 1e-6f);
        assertArrayEquals(new float[] {7, 8}, frozen.data().asFloat(), 0f);
    }
}
