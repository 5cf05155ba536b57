/**
 * Model files of the reduction module: PCA and DeepMDS models in the project's file envelope (a copy of
 * {@code org.hersj.fhe.io.Envelope}, which this module may not use), written atomically, with a provenance JSON beside DeepMDS models. Depends on {@code core}, {@code pca} and
 * {@code deepmds}.
 */
package org.hersj.reduction.io;
