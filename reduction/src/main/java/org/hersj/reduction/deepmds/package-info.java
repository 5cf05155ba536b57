/**
 * DeepMDS and DeepMDS++ on ND4J SameDiff: the staged residual chain, the pair loss with covariance
 * penalty and weight decay, pair sampling and hard mining, progressive training with Adam and a step
 * schedule, and the trained model as a reducer. Depends on {@code core}, {@code pca} (the PCA start of
 * {@code init: pca}), ND4J and the JDK.
 */
package org.hersj.reduction.deepmds;
