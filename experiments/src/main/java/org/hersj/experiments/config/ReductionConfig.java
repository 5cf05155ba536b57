package org.hersj.experiments.config;

import java.util.List;

/**
 * One entry of {@code reduction}: a method and the output dimensions to try.
 *
 * @param method     reduction method; {@code identity} (no reduction) for now
 * @param dimensions output dimensions; for {@code identity} omit it (or give the input dimension)
 */
public record ReductionConfig(String method, List<Integer> dimensions) {

    /** Checks values. */
    public ReductionConfig {
        Checks.required("method", method, "a reduction method such as identity");
        if (dimensions != null) {
            if (dimensions.isEmpty()) {
                throw new ConfigValueException("dimensions", "is empty; expected a list of dimensions such as [64, 32, 16]");
            }
            for (int i = 0; i < dimensions.size(); i++) {
                Checks.atLeast("dimensions[" + i + "]", dimensions.get(i), 1);
            }
            dimensions = List.copyOf(dimensions);
        }
    }
}
