package org.hersj.fhe.search.layout;

/** How items are packed into ciphertexts. */
public enum LayoutKind {

  /**
   * HERS SIMD layout: a record (block) holds up to N/2 items; ciphertext j of the block holds
   * dimension j of every item of the block. Scoring needs d products and no rotation per block.
   */
  HERS_SIMD,

  /**
   * Boddeti 2018 layout: a record holds one item as one ciphertext whose first d slots are its
   * features. Scoring needs one product and log2(d) rotations per item.
   */
  BODDETI_2018
}
