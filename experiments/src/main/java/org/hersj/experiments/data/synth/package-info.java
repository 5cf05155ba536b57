/**
 * Seeded synthetic embedding datasets: von Mises-Fisher identity clusters on the unit sphere with
 * presets for face-, fingerprint- and image-like data, clusters on a curved manifold of known intrinsic
 * dimension ({@code manifold-like}, shaped by {@link org.hersj.experiments.data.synth.ManifoldShape}), plus
 * distractors. Depends on {@code data}, {@code progress} and the JDK.
 */
package org.hersj.experiments.data.synth;
