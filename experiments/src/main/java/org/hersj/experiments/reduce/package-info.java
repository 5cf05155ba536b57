/**
 * The reduction stage of the pipeline: {@link org.hersj.experiments.reduce.ReducerProvider}s that build
 * the {@code reduction} module's reducers (identity, PCA, DeepMDS, DeepMDS++) by config name, fit them on
 * the training identities and cache fitted models by the hash of their inputs and settings
 * ({@link org.hersj.experiments.reduce.ModuleReducers}). Depends on {@code config}, {@code data},
 * {@code progress}, {@code io} and the {@code reduction} module.
 */
package org.hersj.experiments.reduce;
