package org.hersj.experiments.config;

import java.util.List;

/**
 * {@code fhe}: the CKKS parameters and engine of the {@code encrypted} and {@code plaintext-probe}
 * search modes.
 *
 * @param preset  a CKKS preset name ({@code SEARCH_N4096}, {@code SEARCH_N8192}, {@code DEEP_N16384});
 *                default {@code SEARCH_N8192}
 * @param backend {@code java} (HERS-J's engine, default) or {@code openfhe} (needs the optional module)
 * @param threads worker threads of enrollment, scoring and decryption; default all cores
 */
public record FheConfig(String preset, String backend, Integer threads) {

    /** The engines a config may name. */
    public static final List<String> BACKENDS = List.of("java", "openfhe");

    /** Checks values and fills in defaults. */
    public FheConfig {
        preset = preset == null ? "SEARCH_N8192" : preset;
        backend = backend == null ? "java" : backend;
        if (!BACKENDS.contains(backend)) {
            throw new ConfigValueException("backend", "'" + backend + "' is not supported; expected one of " + BACKENDS);
        }
        if (threads != null) {
            Checks.atLeast("threads", threads, 1);
        }
    }

    /** @return the defaults */
    public static FheConfig defaults() {
        return new FheConfig(null, null, null);
    }

    /** @return the thread count, all cores when not given */
    public int threadCount() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
