package org.hersj.experiments.config;

import java.util.List;

/**
 * One entry of {@code reduction}: a method, the output dimensions to try, and for trained methods the
 * training schedule.
 *
 * @param method     {@code identity}, {@code pca}, {@code deepmds} or {@code deepmds++}
 * @param dimensions output dimensions; for {@code identity} omit it (or give the input dimension). A
 *                   DeepMDS entry trains one chain through all its dimensions (largest first)
 * @param label      the name of this entry in results, tables and plots; default the method (give
 *                   different labels to compare two settings of one method, e.g. in an ablation)
 * @param training   training schedule of {@code deepmds} / {@code deepmds++}; default
 *                   {@link TrainingConfig#defaults()}; not allowed for {@code identity} and {@code pca}
 * @param search     search modes for this entry's dimensions; default the experiment's {@code search}
 *                   (e.g. keep a full-dimension baseline plaintext-only while reduced dimensions are also
 *                   searched encrypted)
 */
public record ReductionConfig(String method, List<Integer> dimensions, String label, TrainingConfig training,
                              List<String> search) {

    /** Checks values. */
    public ReductionConfig {
        Checks.required("method", method, "a reduction method such as identity, pca, deepmds or deepmds++");
        if (dimensions != null) {
            if (dimensions.isEmpty()) {
                throw new ConfigValueException("dimensions", "is empty; expected a list of dimensions such as [64, 32, 16]");
            }
            for (int i = 0; i < dimensions.size(); i++) {
                Checks.atLeast("dimensions[" + i + "]", dimensions.get(i), 1);
            }
            dimensions = List.copyOf(dimensions);
        }
        if (search != null) {
            if (search.isEmpty() || search.contains(null)) {
                throw new ConfigValueException("search", "is empty; expected search modes such as [plaintext]");
            }
            search = List.copyOf(search);
        }
        label = label == null ? method : label;
        if (!label.matches("[A-Za-z0-9][A-Za-z0-9._+-]*")) {
            throw new ConfigValueException("label", "'" + label + "' is not a valid label; expected letters, digits, '.',"
                    + " '_', '+' or '-' (used as a directory name)");
        }
        if (training != null && (method.equals("identity") || method.equals("pca"))) {
            throw new ConfigValueException("training", "is given for method " + method
                    + ", which is not trained; remove it (training applies to deepmds and deepmds++)");
        }
        if (method.equals("deepmds") && training != null && ((training.covarianceWeight() != null
                && training.covarianceWeight() > 0) || Boolean.TRUE.equals(training.hardMining()))) {
            throw new ConfigValueException("training", "turns on the covariance penalty or hard mining for plain"
                    + " deepmds; use method deepmds++ (with a label) for that");
        }
        if (training == null && method.startsWith("deepmds")) {
            training = TrainingConfig.defaults();
        }
    }

    /**
     * @param experimentModes the experiment's {@code search}
     * @return the modes this entry is searched with
     */
    public List<String> searchModes(List<String> experimentModes) {
        return search != null ? search : experimentModes;
    }
}
