/**
 * Model files of the reduction module: a checksummed binary container for PCA and DeepMDS models, written
 * atomically, with a provenance JSON beside DeepMDS models. Depends on {@code core}, {@code pca} and
 * {@code deepmds}.
 */
package org.hersj.reduction.io;
