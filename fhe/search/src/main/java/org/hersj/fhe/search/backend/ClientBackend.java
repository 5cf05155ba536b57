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

  /**
   * Decrypts and decodes {@code ct} made by {@link EncryptionBackend#encryptColumnPairs} (or a score
   * computed from such columns) into {@code out} (length 2 x {@link #slots()}, in the same order).
   *
   * @throws UnsupportedOperationException when the engine does not pack two values per slot
   */
  default void decryptPairs(BackendCiphertext ct, double[] out) {
    throw new UnsupportedOperationException(engineName() + " cannot pack two values per slot; "
        + "use the HERS_SIMD layout with this engine (CLI: --layout hers, config: fhe.layout: hers)");
  }

  @Override
  ClientBackend newWorker();

  /**
   * How decryptions are noise-flooded (for provenance): "off", or the flooding in use. Engines without
   * their own flooding leave the default.
   */
  default String noiseFlooding() {
    return "not offered by " + engineName();
  }

  /**
   * The same key owner with exact (unflooded) decryptions: for experiments and precision tests only,
   * never for values that leave the key owner. The default returns this backend (nothing to turn off).
   */
  default ClientBackend withoutNoiseFlooding() {
    return this;
  }
}
