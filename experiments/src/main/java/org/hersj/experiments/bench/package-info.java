/**
 * Measured reports of encrypted search for {@code hers bench}: the scaling benchmark's CSV, plot and
 * Markdown section, and the layout complexity study (prior one-vector-per-ciphertext layout vs HERS).
 * Runs the {@code org.hersj.fhe.search} benchmark and layouts; renders with {@code experiments.report} and
 * writes with {@code experiments.io}. Must not depend on the CLI.
 */
package org.hersj.experiments.bench;
