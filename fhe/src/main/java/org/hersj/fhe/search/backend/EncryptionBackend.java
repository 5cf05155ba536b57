package org.hersj.fhe.search.backend;

/**
 * Encrypts probe values and gallery columns. Built from a public key (anyone may enroll) or from the
 * secret key (the key owner, see {@link ClientBackend}). Instances are not thread-safe: make one per
 * thread with {@link #newWorker()}.
 */
public interface EncryptionBackend extends SearchBackend {

  /** Encrypts {@code value} replicated to every slot, at {@link #freshLevel()}, into {@code out}. */
  void encryptReplicated(double value, BackendCiphertext out);

  /**
   * Encrypts {@code values} (length at most {@link #slots()}; missing slots are zero) at
   * {@link #freshLevel()} into {@code out}.
   */
  void encryptColumn(double[] values, BackendCiphertext out);

  /** A new instance with the same keys and its own buffers and randomness, for another thread. */
  EncryptionBackend newWorker();
}
