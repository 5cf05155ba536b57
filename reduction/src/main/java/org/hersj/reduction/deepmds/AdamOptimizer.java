package org.hersj.reduction.deepmds;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (beta1 0.9, beta2 0.999, epsilon 1e-8, bias-corrected) updating parameter arrays in place, with a
 * learning-rate multiplier per parameter (0 leaves a parameter untouched). The base learning rate is
 * given at every step, so any schedule can drive it.
 */
final class AdamOptimizer {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final Map<String, Double> multipliers;
    private final Map<String, INDArray> firstMoments = new HashMap<>();
    private final Map<String, INDArray> secondMoments = new HashMap<>();
    private long step;

    /** @param multipliers learning-rate multiplier of every trainable parameter, by name */
    AdamOptimizer(Map<String, Double> multipliers) {
        this.multipliers = Map.copyOf(multipliers);
    }

    /**
     * Applies one Adam step.
     *
     * @param parameters   the arrays to update in place, by name
     * @param gradients    the gradient of the loss for each trainable parameter, by name
     * @param learningRate the base learning rate of this step
     */
    void update(Map<String, INDArray> parameters, Map<String, INDArray> gradients, double learningRate) {
        step++;
        double alpha = learningRate * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step));
        for (Map.Entry<String, Double> e : multipliers.entrySet()) {
            String name = e.getKey();
            INDArray g = gradients.get(name);
            if (e.getValue() == 0 || g == null) {
                continue;
            }
            INDArray m = firstMoments.computeIfAbsent(name, k -> g.ulike().assign(0));
            INDArray v = secondMoments.computeIfAbsent(name, k -> g.ulike().assign(0));
            m.muli(BETA1).addi(g.mul(1 - BETA1));
            v.muli(BETA2).addi(g.mul(g).muli(1 - BETA2));
            INDArray denominator = Transforms.sqrt(v, true).addi(EPSILON);
            parameters.get(name).subi(m.div(denominator).muli(alpha * e.getValue()));
        }
    }

    /** @return the names of the parameters this optimiser trains (multiplier > 0). */
    Set<String> trained() {
        Set<String> names = new HashSet<>();
        multipliers.forEach((n, m) -> {
            if (m > 0) {
                names.add(n);
            }
        });
        return names;
    }
}
