/**
 * Word-sized modular arithmetic for NTT-friendly primes below 2^60: Barrett reduction through
 * {@link java.lang.Math#multiplyHigh}, Shoup multiplication by precomputed operands, and the deterministic
 * generation of primes q = 1 (mod 2N).
 *
 * <p>Depends on the JDK only; every other package of the engine may depend on this one.
 */
package org.hersj.fhe.arith;
