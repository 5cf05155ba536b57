package org.hersj.experiments.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A whole experiment, as read from YAML: which data, how it is split, which reductions and search
 * modes are swept, what is measured and reported. Every combination of a reduction entry, one of its
 * dimensions and a search mode becomes one row of results.
 *
 * @param name      experiment name; results go to {@code results/<name>/<run-id>/}; required
 * @param seed      the run's seed, split per component (data, protocol, reductions, search); required
 * @param dataset   the data; required
 * @param protocol  gallery/probe split; default {@link ProtocolConfig#defaults()}
 * @param reduction reductions to sweep; default {@code [{method: identity}]}
 * @param search    search modes to sweep; default {@code [plaintext]}
 * @param metrics   metrics; default {@link MetricsConfig#defaults()}
 * @param report    report options; default {@link ReportConfig#defaults()}
 * @param fhe       CKKS preset and engine of the encrypted search modes; default {@link FheConfig#defaults()}
 * @param repeats   how often each search is repeated (fresh encryption each time); timings are the median
 *                  over repeats, and every repeat must give the same ranking; default 1
 * @param twoStage  settings of the {@code two-stage} search mode; required when a search list names it,
 *                  refused otherwise
 * @param training  a separate dataset the reductions are fitted on (then {@code dataset} is evaluated
 *                  whole); default none: {@code protocol.trainIdentities} of {@code dataset} are held out
 */
public record ExperimentConfig(String name, Long seed, DatasetConfig dataset, ProtocolConfig protocol,
                               List<ReductionConfig> reduction, List<String> search, MetricsConfig metrics,
                               ReportConfig report, FheConfig fhe, Integer repeats,
                               TwoStageConfig twoStage, TrainingDataConfig training) {

    /** Checks required keys and fills in defaults. */
    public ExperimentConfig {
        Checks.name("name", name);
        Checks.required("seed", seed, "an integer seed");
        Checks.required("dataset", dataset, "a dataset block (features + labels, or synthetic)");
        protocol = protocol == null ? ProtocolConfig.defaults() : protocol;
        reduction = reduction == null ? List.of(new ReductionConfig("identity", null, null, null, null)) : noNulls("reduction", reduction);
        if (reduction.isEmpty()) {
            throw new ConfigValueException("reduction", "is empty; expected at least one entry such as {method: identity}");
        }
        search = search == null ? List.of("plaintext") : noNulls("search", search);
        if (search.isEmpty()) {
            throw new ConfigValueException("search", "is empty; expected at least one mode such as plaintext");
        }
        metrics = metrics == null ? MetricsConfig.defaults() : metrics;
        report = report == null ? ReportConfig.defaults() : report;
        fhe = fhe == null ? FheConfig.defaults() : fhe;
        boolean keySwitching = java.util.stream.Stream.concat(search.stream(), reduction.stream()
                .filter(r -> r.search() != null).flatMap(r -> r.search().stream()))
                .anyMatch(m -> m.equals("plaintext-probe") || m.equals(TwoStageConfig.MODE));
        try {
            fhe = fhe.resolved(keySwitching);
        } catch (ConfigValueException e) {
            throw new ConfigValueException("fhe." + e.key(), e.getMessage());
        }
        repeats = repeats == null ? 1 : Checks.atLeast("repeats", repeats, 1);
        java.util.Set<String> labels = new java.util.HashSet<>();
        for (int i = 0; i < reduction.size(); i++) {
            if (!labels.add(reduction.get(i).label())) {
                throw new ConfigValueException("reduction[" + i + "].label", "'" + reduction.get(i).label()
                        + "' is used by an earlier entry; give each entry of one method a distinct label");
            }
        }
        boolean twoStageListed = search.contains(TwoStageConfig.MODE) || reduction.stream()
                .anyMatch(r -> r.search() != null && r.search().contains(TwoStageConfig.MODE));
        if (twoStageListed && twoStage == null) {
            throw new ConfigValueException("twoStage", "missing; search mode " + TwoStageConfig.MODE
                    + " needs a block such as {k: 10, stage1Dimension: 16}");
        }
        if (!twoStageListed && twoStage != null) {
            throw new ConfigValueException("twoStage", "is given but no search list names " + TwoStageConfig.MODE
                    + "; add " + TwoStageConfig.MODE + " to search (or to a reduction entry's search) or remove the block");
        }
    }

    /**
     * @param entry     a reduction entry of this config
     * @param dimension one of its dimensions
     * @return the search modes of that sweep point: the entry's modes, without {@code two-stage} unless
     *         {@code dimension} is the two-stage stage-1 dimension
     */
    public List<String> searchModes(ReductionConfig entry, int dimension) {
        List<String> modes = entry.searchModes(search);
        if (twoStage != null && twoStage.searchesDimension(dimension)) {
            return modes;
        }
        return modes.stream().filter(m -> !m.equals(TwoStageConfig.MODE)).toList();
    }


    private static <T> List<T> noNulls(String key, List<T> list) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new ConfigValueException(key + "[" + i + "]", "is empty; expected a value");
            }
        }
        return List.copyOf(list);
    }

    /**
     * @param baseDir the config file's directory
     * @return a copy whose file paths are absolute and checked to exist
     * @throws ConfigValueException whose key is the full path ({@code dataset.features},
     *                              {@code training.dataset.labels}, ...)
     */
    ExperimentConfig resolvedAgainst(Path baseDir) {
        DatasetConfig evaluated;
        try {
            evaluated = dataset.resolvedAgainst(baseDir);
        } catch (ConfigValueException e) {
            throw new ConfigValueException("dataset." + e.key(), e.getMessage());
        }
        TrainingDataConfig resolvedTraining = null;
        if (training != null) {
            try {
                resolvedTraining = new TrainingDataConfig(training.dataset().resolvedAgainst(baseDir));
            } catch (ConfigValueException e) {
                throw new ConfigValueException("training.dataset." + e.key(), e.getMessage());
            }
        }
        return new ExperimentConfig(name, seed, evaluated, protocol, reduction, search,
                metrics, report, fhe, repeats, twoStage, resolvedTraining);
    }
}
