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
  BODDETI_2018,

  /**
   * Packed items (the full-dimension gallery of two-stage search): item g of a record occupies the
   * segment of p = 2^ceil(log2 d) consecutive slots starting at g*p (features, then zeros), so a record
   * holds N/(2p) items in one ciphertext and can be read alone. Scoring a record needs one product and
   * log2(p) rotations (rotate-and-sum within every segment at once); the score of item g lands in slot g*p.
   */
  PACKED_ITEMS
}
