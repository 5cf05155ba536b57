/**
 * Seeded synthetic embedding datasets: von Mises-Fisher identity clusters on the unit sphere with
 * presets for face-, fingerprint- and image-like data, plus distractors. Depends on {@code data},
 * {@code progress} and the JDK.
 */
package org.hersj.experiments.data.synth;
