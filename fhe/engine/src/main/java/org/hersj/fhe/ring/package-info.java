/**
 * Polynomial rings Z_q[X]/(X^N + 1) in residue-number-system form: negacyclic NTT tables, RNS polynomials
 * as one flat {@code long[]} per prime, limb-wise arithmetic, fast base conversion and rounding division
 * (the building blocks of rescaling and hybrid key switching), automorphisms in NTT form, and the random
 * source and samplers (uniform, ternary, discrete Gaussian) that keys and noise are drawn from.
 *
 * <p>May depend on {@code org.hersj.fhe.arith} and the JDK only; knows nothing about CKKS.
 */
package org.hersj.fhe.ring;
