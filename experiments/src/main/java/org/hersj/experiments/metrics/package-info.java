/**
 * Identification metrics: mate ranks, rank-1 and CMC curves. Depends on the JDK only.
 */
package org.hersj.experiments.metrics;
