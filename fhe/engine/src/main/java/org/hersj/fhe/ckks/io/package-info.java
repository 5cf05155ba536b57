/**
 * Binary formats of the CKKS engine: versioned, framed, checksummed objects (parameters, keys, plaintexts,
 * ciphertexts) bound to a parameter fingerprint; the raw fixed-size ciphertext payload that the gallery
 * store frames itself. Files are written with {@link org.hersj.fhe.io.AtomicFiles}.
 *
 * <p>May depend on {@code org.hersj.fhe.ckks}, {@code org.hersj.fhe.ring}, {@code org.hersj.fhe.arith},
 * {@code org.hersj.fhe.io} and the JDK only.
 */
package org.hersj.fhe.ckks.io;
