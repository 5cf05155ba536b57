/**
 * Experiment configs: immutable records bound from YAML by {@link org.hersj.experiments.config.ConfigLoader},
 * each checking its own keys, and the errors that name file and key. Depends on {@code data.synth}
 * (preset names), fhe's engine and layout names ({@code org.hersj.fhe.openfhe.SearchEngine},
 * {@code org.hersj.fhe.search.layout.LayoutKind}), Jackson and the JDK.
 */
package org.hersj.experiments.config;
