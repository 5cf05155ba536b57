package org.hersj.experiments.reproduce;

import java.util.List;

/**
 * The synthetic twins of the paper's experiments that {@code hers reproduce} runs, by config name (a file
 * {@code <name>.yaml} in the configs directory), in order.
 */
public final class PaperExperiments {

    /** Config names of the synthetic twins, in the order they are run and reported. */
    public static final List<String> SYNTHETIC_TWINS = List.of("quickstart", "imagenet-synthetic",
            "megaface-synthetic", "fingerprint-synthetic", "ablation", "manifold-twin", "two-stage-synthetic");

    private PaperExperiments() {
    }
}
