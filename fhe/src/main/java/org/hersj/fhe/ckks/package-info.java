/**
 * The RNS-CKKS scheme: validated parameters and presets, keys (secret, public, relinearisation, Galois),
 * the canonical-embedding encoder, encryption, decryption, and the evaluator (add, multiply, lazy
 * multiply-accumulate, relinearise, rescale, rotate, sum of slots), with hybrid key switching over the
 * special primes P. Everything is kept in NTT form.
 *
 * <p>Roles are separate: the client holds {@link org.hersj.fhe.ckks.SecretKey} (through
 * {@link org.hersj.fhe.ckks.KeyGenerator}, {@link org.hersj.fhe.ckks.Decryptor}); the server holds
 * {@link org.hersj.fhe.ckks.EvaluationKeys} and an {@link org.hersj.fhe.ckks.Evaluator}, neither of which
 * can be built from, or leads to, a secret key.
 *
 * <p>May depend on {@code org.hersj.fhe.ring}, {@code org.hersj.fhe.arith} and the JDK only.
 */
package org.hersj.fhe.ckks;
