/**
 * The engine interface under the search layer: what encrypted search needs from a homomorphic
 * encryption library, and nothing more (encrypt a replicated value or a column, multiply-accumulate,
 * relinearise, rescale, decrypt, serialise ciphertext payloads).
 *
 * <p>Roles are separate types so the threat model is a compile-time property: an
 * {@link org.hersj.fhe.search.backend.EncryptionBackend} (public or enroller key) encrypts, a
 * {@link org.hersj.fhe.search.backend.ClientBackend} (the secret-key owner) also decrypts, and a
 * {@link org.hersj.fhe.search.backend.ServerBackend} evaluates with evaluation keys only; no
 * implementation may build a server backend from a secret key. Depends on the JDK only; the
 * implementations live in sub-packages (e.g. {@code backend.ckks}).
 */
package org.hersj.fhe.search.backend;
