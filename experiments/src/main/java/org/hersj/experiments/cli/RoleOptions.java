package org.hersj.experiments.cli;

import org.hersj.fhe.search.engine.SearchEngine;
import org.hersj.fhe.search.layout.LayoutKind;

/**
 * Parses the option values the search role commands share.
 */
final class RoleOptions {

    private RoleOptions() {
    }

    /**
     * @param value  {@code hers-complex}, {@code hers}, {@code boddeti} or {@code packed} (case-insensitive);
     *               null for the engine's default HERS layout
     * @param engine the engine the keys belong to
     * @return the gallery layout: by default {@code hers-complex} where the engine has complex slots,
     *         else {@code hers}
     * @throws IllegalArgumentException listing the accepted values, or when the engine cannot pack two
     *                                  items per slot
     */
    static LayoutKind layout(String value, SearchEngine engine) {
        if (value == null) {
            return engine.hersLayout();
        }
        LayoutKind kind;
        try {
            kind = LayoutKind.byName(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--layout must be hers-complex, hers, boddeti or packed (the"
                    + " full-dimension gallery of two-stage search), got '" + value + "'");
        }
        if (kind.valuesPerSlot() > engine.hersLayout().valuesPerSlot()) {
            throw new IllegalArgumentException("the " + engine.name() + " engine packs one item per slot; "
                    + "use --layout hers");
        }
        return kind;
    }

    /** Threads a command may start per core: more only adds memory and contention. */
    static final int THREADS_PER_CORE = 4;

    /**
     * @param threads the value of {@code --threads}
     * @return it, when between 1 and {@value #THREADS_PER_CORE} x the available cores
     * @throws IllegalArgumentException naming the limit otherwise
     */
    static int threads(int threads) {
        int cores = Runtime.getRuntime().availableProcessors();
        int limit = THREADS_PER_CORE * cores;
        if (threads < 1 || threads > limit) {
            throw new IllegalArgumentException("--threads " + threads + " is out of range; expected 1 to " + limit
                    + " (" + THREADS_PER_CORE + " x the " + cores + " cores of this machine)");
        }
        return threads;
    }
}
