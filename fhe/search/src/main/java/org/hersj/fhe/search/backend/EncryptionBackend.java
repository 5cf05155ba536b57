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

  /**
   * Encrypts up to 2 x {@link #slots()} values two per slot (the first {@code slots()} as real parts, the
   * rest as imaginary parts) at {@link #freshLevel()} into {@code out}; see
   * {@link SearchBackend#packsTwoValuesPerSlot()}.
   *
   * @throws UnsupportedOperationException when the engine does not pack two values per slot
   */
  default void encryptColumnPairs(double[] values, BackendCiphertext out) {
    throw new UnsupportedOperationException(engineName() + " cannot pack two values per slot; "
        + "use the HERS_SIMD layout with this engine (CLI: --layout hers, config: fhe.layout: hers)");
  }

  /**
   * Whether the fresh ciphertexts of this backend can be stored {@link PayloadEncoding#SEEDED} (the key
   * owner's secret-key encryption); default no.
   */
  default boolean seedsCiphertexts() {
    return false;
  }

  /** The encoding of fresh ciphertexts this backend writes: seeded where it can, else packed or words. */
  default PayloadEncoding freshEncoding() {
    return seedsCiphertexts() ? PayloadEncoding.SEEDED : preferredEncoding();
  }

  /** A new instance with the same keys and its own buffers and randomness, for another thread. */
  EncryptionBackend newWorker();
}
