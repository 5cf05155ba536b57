/**
 * Identification protocols: which samples are enrolled in the gallery, which are probes and which are
 * distractors. Depends on {@code data} and the JDK.
 */
package org.hersj.experiments.protocol;
