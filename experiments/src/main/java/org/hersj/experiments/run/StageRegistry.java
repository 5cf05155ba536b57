package org.hersj.experiments.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hersj.experiments.config.ConfigException;
import org.hersj.experiments.config.ExperimentConfig;
import org.hersj.experiments.config.ReductionConfig;
import org.hersj.experiments.config.TwoStageConfig;
import org.hersj.experiments.encrypted.EncryptedSearcher;
import org.hersj.experiments.encrypted.TwoStageSearcher;
import org.hersj.experiments.reduce.ModuleReducers;
import org.hersj.experiments.reduce.ReducerProvider;
import org.hersj.experiments.search.PlaintextSearcher;
import org.hersj.experiments.search.SearcherProvider;

/**
 * The reduction methods and search modes a run may use, by the names configs give them. The default
 * registry has {@code identity} and {@code plaintext}; other modules' stages are added with
 * {@link #withReducer} and {@link #withSearcher}.
 */
public final class StageRegistry {

    private final Map<String, ReducerProvider> reducers;
    private final Map<String, SearcherProvider> searchers;

    private StageRegistry(Map<String, ReducerProvider> reducers, Map<String, SearcherProvider> searchers) {
        this.reducers = Map.copyOf(reducers);
        this.searchers = Map.copyOf(searchers);
    }

    /**
     * @return a registry with the reductions {@code identity}, {@code pca}, {@code deepmds},
     *         {@code deepmds++} and the search modes {@code plaintext} (all cores), {@code encrypted},
     *         {@code plaintext-probe} and {@code two-stage}
     */
    public static StageRegistry defaults() {
        int threads = Runtime.getRuntime().availableProcessors();
        Map<String, ReducerProvider> reducers = new LinkedHashMap<>();
        ModuleReducers.all().forEach(p -> reducers.put(p.method(), p));
        return new StageRegistry(reducers, Map.of(PlaintextSearcher.MODE, context -> new PlaintextSearcher(threads),
                EncryptedSearcher.ENCRYPTED, EncryptedSearcher.provider(EncryptedSearcher.ENCRYPTED),
                EncryptedSearcher.PLAINTEXT_PROBE, EncryptedSearcher.provider(EncryptedSearcher.PLAINTEXT_PROBE),
                TwoStageConfig.MODE, TwoStageSearcher.provider()));
    }

    /**
     * @param provider a reduction method
     * @return a registry that also has it (replacing one of the same name)
     */
    public StageRegistry withReducer(ReducerProvider provider) {
        Map<String, ReducerProvider> more = new LinkedHashMap<>(reducers);
        more.put(provider.method(), provider);
        return new StageRegistry(more, searchers);
    }

    /**
     * @param mode     search mode name used in configs
     * @param provider builds its searcher
     * @return a registry that also has it (replacing one of the same name)
     */
    public StageRegistry withSearcher(String mode, SearcherProvider provider) {
        Map<String, SearcherProvider> more = new LinkedHashMap<>(searchers);
        more.put(mode, provider);
        return new StageRegistry(reducers, more);
    }

    /**
     * @param method a reduction method name
     * @return its provider
     */
    public ReducerProvider reducer(String method) {
        return reducers.get(method);
    }

    /**
     * @param mode a search mode name
     * @return its provider
     */
    public SearcherProvider searcher(String mode) {
        return searchers.get(mode);
    }

    /**
     * Checks that every method and mode named in a config is registered.
     *
     * @param config     the config
     * @param configFile its file, for messages
     * @throws ConfigException naming the key of the first unknown name
     */
    public void check(ExperimentConfig config, Path configFile) {
        List<ReductionConfig> reduction = config.reduction();
        for (int i = 0; i < reduction.size(); i++) {
            if (!reducers.containsKey(reduction.get(i).method())) {
                throw new ConfigException(configFile, "reduction[" + i + "].method", "unknown method '"
                        + reduction.get(i).method() + "'; expected one of: " + sorted(reducers.keySet()));
            }
        }
        checkModes(config.search(), "search", configFile);
        for (int i = 0; i < reduction.size(); i++) {
            if (reduction.get(i).search() != null) {
                checkModes(reduction.get(i).search(), "reduction[" + i + "].search", configFile);
            }
        }
    }

    private void checkModes(List<String> modes, String key, Path configFile) {
        for (int i = 0; i < modes.size(); i++) {
            if (!searchers.containsKey(modes.get(i))) {
                throw new ConfigException(configFile, key + "[" + i + "]", "unknown search mode '"
                        + modes.get(i) + "'; expected one of: " + sorted(searchers.keySet()));
            }
        }
    }

    private static String sorted(java.util.Set<String> names) {
        return String.join(", ", new java.util.TreeSet<>(names));
    }
}
