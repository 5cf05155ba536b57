/**
 * The PCA baseline reducer (ND4J eigen-decomposition of the training covariance). Depends on the
 * {@code org.hersj.reduction} base types and ND4J only.
 */
package org.hersj.reduction.pca;
