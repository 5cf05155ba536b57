package org.hersj.experiments.config;

import java.util.List;
import org.hersj.fhe.search.engine.SearchEngine;
import org.hersj.fhe.search.engine.SearchEngines;
import org.hersj.fhe.search.layout.LayoutKind;

/**
 * {@code fhe}: the CKKS parameters and engine of the {@code encrypted} and {@code plaintext-probe}
 * search modes.
 *
 * @param preset  a CKKS preset name ({@code SEARCH_N4096}, {@code SEARCH_N8192}, {@code DEEP_N16384});
 *                default {@code SEARCH_N8192}
 * @param backend an engine on the class path ({@link SearchEngines}): {@code java} (HERS-J's engine, default)
 *                or {@code openfhe} (needs the optional module; refused with what to do when it is absent)
 * @param threads worker threads of enrollment, scoring and decryption; default all cores
 * @param layout  {@code hers-complex} (two items per complex slot, half the blocks; default with the
 *                {@code java} engine) or {@code hers} (one item per slot as in the paper; default and only
 *                choice with {@code openfhe})
 */
public record FheConfig(String preset, String backend, Integer threads, String layout) {

    /** The gallery layouts a config may name. */
    public static final List<String> LAYOUTS = List.of("hers-complex", "hers");


    /** Checks values and fills in defaults. */
    public FheConfig {
        preset = preset == null ? "SEARCH_N8192" : preset;
        backend = backend == null ? "java" : backend;
        SearchEngine engine;
        try {
            engine = SearchEngines.byName(backend);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ConfigValueException("backend", e.getMessage());
        }
        backend = engine.name();
        if (threads != null) {
            Checks.atLeast("threads", threads, 1);
        }
        LayoutKind engineLayout = engine.hersLayout();
        layout = layout == null ? engineLayout.cliName() : layout.trim().toLowerCase(java.util.Locale.ROOT);
        if (!LAYOUTS.contains(layout)) {
            throw new ConfigValueException("layout", "'" + layout + "' is not supported; expected one of " + LAYOUTS);
        }
        if (LayoutKind.byName(layout).valuesPerSlot() > engineLayout.valuesPerSlot()) {
            throw new ConfigValueException("layout", "the " + backend
                    + " engine packs one item per slot; use layout: hers");
        }
    }

    /** @return the defaults */
    public static FheConfig defaults() {
        return new FheConfig(null, null, null, null);
    }

    /** @return the gallery layout */
    public LayoutKind layoutKind() {
        return LayoutKind.byName(layout);
    }

    /** @return the thread count, all cores when not given */
    public int threadCount() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
