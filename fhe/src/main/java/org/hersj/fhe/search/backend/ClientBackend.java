package org.hersj.fhe.search.backend;

/**
 * The key owner's backend: encrypts and decrypts. Only this type can decrypt; server-side code never
 * receives one. Not thread-safe: use {@link #newWorker()} per thread.
 */
public interface ClientBackend extends EncryptionBackend {

  /**
   * Decrypts and decodes {@code ct} (degree 1, or degree 2 using s and s^2) into {@code out}
   * (length {@link #slots()}).
   */
  void decrypt(BackendCiphertext ct, double[] out);

  @Override
  ClientBackend newWorker();
}
