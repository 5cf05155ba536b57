package org.hersj.reduction.deepmds;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Adam (beta1 0.9, beta2 0.999, epsilon 1e-8, bias-corrected) updating parameter arrays in place, with a
 * learning-rate multiplier per parameter (0 leaves a parameter untouched). The moments and the update are
 * ND4J's own {@link org.nd4j.linalg.learning.AdamUpdater} (one fused native op per parameter), run at
 * rate 1 and scaled by {@code rate x multiplier}, so any schedule can drive the base rate given at every
 * step.
 */
final class AdamOptimizer {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final Map<String, Double> multipliers;
    private final Adam unitRate = new Adam(1.0, BETA1, BETA2, EPSILON);
    private final Map<String, GradientUpdater<?>> updaters = new HashMap<>();
    private int step;

    /** @param multipliers learning-rate multiplier of every trainable parameter, by name */
    AdamOptimizer(Map<String, Double> multipliers) {
        this.multipliers = Map.copyOf(multipliers);
    }

    /**
     * Applies one Adam step. The gradient arrays are overwritten (they become the updates).
     *
     * @param parameters   the arrays to update in place, by name
     * @param gradients    the gradient of the loss for each trainable parameter, by name
     * @param learningRate the base learning rate of this step
     */
    void update(Map<String, INDArray> parameters, Map<String, INDArray> gradients, double learningRate) {
        for (Map.Entry<String, Double> e : multipliers.entrySet()) {
            String name = e.getKey();
            INDArray g = gradients.get(name);
            if (e.getValue() == 0 || g == null) {
                continue;
            }
            long n = g.length();
            GradientUpdater<?> updater = updaters.computeIfAbsent(name, k -> unitRate.instantiate(
                    Nd4j.zeros(g.dataType(), 1, unitRate.stateSize(n)), true));
            INDArray flat = g.reshape('c', 1, n);
            updater.applyUpdater(flat, step, 0);
            parameters.get(name).subi(flat.reshape('c', g.shape()).muli(learningRate * e.getValue()));
        }
        step++;
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
