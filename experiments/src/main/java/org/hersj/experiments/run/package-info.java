/**
 * Runs experiments: checks a config and its data before any work, sweeps reductions and search modes,
 * measures, and writes the run directory atomically with its provenance. Depends on {@code config},
 * {@code data}, {@code protocol}, {@code reduce}, {@code search}, {@code metrics}, {@code report},
 * {@code io} and {@code progress}.
 */
package org.hersj.experiments.run;
