/**
 * Binary formats of the CKKS engine: versioned, framed, checksummed objects (parameters, keys, plaintexts,
 * ciphertexts) bound to a parameter fingerprint; the raw fixed-size ciphertext payload that the gallery
 * store frames itself; and atomic, optionally owner-only, file writing.
 *
 * <p>May depend on {@code org.hersj.fhe.ckks}, {@code org.hersj.fhe.ring}, {@code org.hersj.fhe.arith} and
 * the JDK only.
 */
package org.hersj.fhe.ckks.io;
