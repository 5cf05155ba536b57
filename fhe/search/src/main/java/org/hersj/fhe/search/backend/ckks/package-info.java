/**
 * The search backend implemented with HERS-J's pure-Java RNS-CKKS engine
 * ({@code org.hersj.fhe.ckks}): client (secret key), enroller (public key) and server (evaluation keys)
 * backends, the per-thread block evaluator, raw ciphertext payloads, and key files. The only search
 * package that touches the engine; depends on {@code org.hersj.fhe.ckks}, {@code org.hersj.fhe.ring}
 * and {@code search.backend}.
 */
package org.hersj.fhe.search.backend.ckks;
