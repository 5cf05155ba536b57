package org.hersj.fhe.search.backend;

import java.util.Arrays;

/**
 * How a record file stores ciphertext payloads; written in its header so that a reader decodes every
 * file the way it was written (files of record format 1 are all {@link #WORDS}).
 */
public enum PayloadEncoding {

  /** The engine's native fixed-size payload (for CKKS: every residue in a 64-bit word). */
  WORDS("words"),

  /**
   * Residues bit-packed in the bit length of their prime (a 54-bit residue in 54 bits); engines that
   * support it say so with {@link SearchBackend#packsResidues()}.
   */
  PACKED("packed"),

  /**
   * A fresh secret-key ciphertext as the public 32-byte seed its uniform half was expanded from plus
   * the other half bit-packed: half of {@link #PACKED}. Only the key owner makes such ciphertexts
   * ({@link EncryptionBackend#seedsCiphertexts()}); readers expand the seed.
   */
  SEEDED("seeded");

  private final String headerName;

  PayloadEncoding(String headerName) {
    this.headerName = headerName;
  }

  /** The value in a record file header. */
  public String headerName() {
    return headerName;
  }

  /**
   * @throws IllegalArgumentException listing the known values
   */
  public static PayloadEncoding byHeaderName(String name) {
    for (PayloadEncoding e : values()) {
      if (e.headerName.equals(name)) {
        return e;
      }
    }
    throw new IllegalArgumentException("payload encoding '" + name + "' is not one of "
        + Arrays.stream(values()).map(PayloadEncoding::headerName).toList());
  }
}
