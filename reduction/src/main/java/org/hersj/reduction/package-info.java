/**
 * Dimensionality reduction of learned embeddings: DeepMDS++ and DeepMDS on ND4J SameDiff, the PCA
 * baseline and the identity, behind one {@code Reducer} interface. May use ND4J and the JDK, never
 * the {@code fhe} or {@code experiments} modules.
 */
package org.hersj.reduction;
