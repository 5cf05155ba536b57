/**
 * Labelled feature datasets: readers for {@code .npy}, {@code .fvecs}, CSV and label files, a
 * {@code .npy} writer, validation and L2 normalisation. Depends on {@code io} and the JDK only.
 */
package org.hersj.experiments.data;
