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
 */
record PreparedRun(Path configFile, ExperimentConfig config, Dataset dataset, IdentificationSplit split,
                   List<SweepPoint> sweep, Path target, String runId, java.util.Map<String, Long> seeds) {

    /**
     * One (reduction, dimension) combination; each search mode is run on it.
     *
     * @param method    reduction method
     * @param dimension output dimension
     * @param seed      the reduction's seed
     */
    record SweepPoint(String method, int dimension, long seed) {
    }
}
