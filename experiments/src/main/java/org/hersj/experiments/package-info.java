/**
 * The research harness: YAML experiment configs, datasets and protocols, the runner, metrics,
 * reports, plots, provenance and the {@code hers} command line. The only module that may use both
 * {@code fhe} and {@code reduction}.
 */
package org.hersj.experiments;
