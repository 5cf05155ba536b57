package org.hersj.experiments.run;

import java.nio.file.Path;
import java.util.List;
import org.hersj.experiments.config.ExperimentConfig;
import org.hersj.experiments.data.Dataset;
import org.hersj.experiments.protocol.IdentificationSplit;

/**
 * A run whose config, data and output location have all been checked, before any result is computed.
 *
 * @param configFile the config file
 * @param config     the checked config
 * @param dataset    the loaded, normalised dataset
 * @param split      gallery and probes
 * @param sweep      the combinations to run, in order
 * @param target     the final run directory (does not exist yet)
 * @param runId      the run id
 * @param seeds      seeds of the run's components, for the provenance
 * @param train      samples of the training identities (disjoint from {@code dataset}'s), or null when
 *                   no reduction is trained
 * @param cacheRoot  the experiment's stage cache, {@code <results>/<experiment>/cache}
 */
record PreparedRun(Path configFile, ExperimentConfig config, Dataset dataset, IdentificationSplit split,
                   List<SweepPoint> sweep, Path target, String runId, java.util.Map<String, Long> seeds,
                   Dataset train, Path cacheRoot) {

    /**
     * One (reduction, dimension) combination; each search mode is run on it.
     *
     * @param entry     the reduction entry
     * @param dimension output dimension
     * @param seed      the entry's seed (shared by its dimensions)
     */
    record SweepPoint(org.hersj.experiments.config.ReductionConfig entry, int dimension, long seed) {
    }
}
