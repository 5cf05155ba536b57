package org.hersj.fhe.search.engine;

import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ServerBackend;

/**
 * One engine's freshly generated key set, seen through the search layer's role interfaces, so enrollment,
 * search and benchmarks run unchanged on every engine.
 */
public interface SearchKeySet {

  /** The key owner's backend (secret key): encrypts probes, decrypts scores. */
  ClientBackend client();

  /** An enroller's backend (public key only). */
  EncryptionBackend enroller();

  /** The server's backend (evaluation keys only; no way to reach the secret key). */
  ServerBackend server();
}
