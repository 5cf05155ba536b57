package org.hersj.fhe.search.backend;

import java.nio.ByteBuffer;

/**
 * What every role's backend shares: the parameters' identity, ciphertext allocation and raw payload
 * (de)serialisation. Payloads are unframed and of a fixed size for a given degree and level, so
 * the store can lay them out in fixed-size, checksummed records.
 */
public interface SearchBackend {

  /** Short name of the engine, e.g. "hersj-ckks", written to file headers. */
  String engineName();

  /** Number of slots of one ciphertext (N/2 for CKKS): the block size of the HERS layout. */
  int slots();

  /**
   * Whether ciphertexts can carry two real values per slot (the HERS_COMPLEX layout: CKKS complex
   * slots); engines that cannot leave the default {@code false}.
   */
  default boolean packsTwoValuesPerSlot() {
    return false;
  }

  /** Hex fingerprint of the encryption parameters; files made under other parameters are refused. */
  String parameterFingerprint();

  /**
   * Hex fingerprint of the key pair in use, computed from public material only (e.g. a hash of the
   * public key), so every role can check that ciphertexts were made for the same keys.
   */
  String keyFingerprint();

  /** A one-line, human-readable description of the parameters (no secrets). */
  String describeParameters();

  /** Level at which fresh probe and gallery ciphertexts are made (the top level). */
  int freshLevel();

  /** Level of a score ciphertext: one rescale below {@link #freshLevel()}. */
  default int scoreLevel() {
    return freshLevel() - 1;
  }

  /** Exact size in bytes of the payload of a ciphertext of this degree and level. */
  int payloadBytes(int degree, int level);

  /** Allocates a zero ciphertext of this degree and level (for reuse on hot paths). */
  BackendCiphertext newCiphertext(int degree, int level);

  /** Writes the raw payload of {@code ct} at the buffer's position, advancing it. */
  void writePayload(ByteBuffer out, BackendCiphertext ct);

  /**
   * Reads a raw payload at the buffer's position into {@code out} (whose degree and level say what
   * to read), advancing the position; no allocation.
   */
  void readPayload(ByteBuffer in, BackendCiphertext out);

  /** Whether this engine can write payloads as {@link PayloadEncoding#PACKED}; default no. */
  default boolean packsResidues() {
    return false;
  }

  /** The encoding new record files of this backend use: packed where supported. */
  default PayloadEncoding preferredEncoding() {
    return packsResidues() ? PayloadEncoding.PACKED : PayloadEncoding.WORDS;
  }

  /** Exact payload size in {@code encoding}. */
  default int payloadBytes(int degree, int level, PayloadEncoding encoding) {
    requireEncoding(encoding);
    return payloadBytes(degree, level);
  }

  /** Writes {@code ct}'s payload in {@code encoding}. */
  default void writePayload(ByteBuffer out, BackendCiphertext ct, PayloadEncoding encoding) {
    requireEncoding(encoding);
    writePayload(out, ct);
  }

  /** Reads a payload written in {@code encoding} into {@code out}. */
  default void readPayload(ByteBuffer in, BackendCiphertext out, PayloadEncoding encoding) {
    requireEncoding(encoding);
    readPayload(in, out);
  }

  private void requireEncoding(PayloadEncoding encoding) {
    if (encoding != PayloadEncoding.WORDS) {
      throw new IllegalArgumentException("the " + engineName() + " engine cannot read or write " + encoding
          + " payloads");
    }
  }
}
