/**
 * Entry point of the reduction module: the {@link org.hersj.reduction.Reducers} factory (identity, PCA,
 * DeepMDS / DeepMDS++ training, model loading). Sits on top of {@code core}, {@code pca},
 * {@code deepmds} and {@code io}; the module may use ND4J and the JDK, never {@code fhe} or
 * {@code experiments}.
 */
package org.hersj.reduction;
