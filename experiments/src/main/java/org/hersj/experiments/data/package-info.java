/**
 * Labelled feature datasets: readers for {@code .npy} (whole files, or feature matrices of any size streamed
 * row by row), {@code .fvecs}, CSV and label files, a
 * {@code .npy} writer, validation and L2 normalisation. Depends on {@code io} and the JDK only.
 */
package org.hersj.experiments.data;
