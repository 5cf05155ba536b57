package org.hersj.fhe.search.layout;

/** How items are packed into ciphertexts. */
public enum LayoutKind {

  /**
   * HERS SIMD layout: a record (block) holds up to N/2 items; ciphertext j of the block holds
   * dimension j of every item of the block. Scoring needs d products and no rotation per block.
   */
  HERS_SIMD,

  /**
   * HERS SIMD layout with two items per complex CKKS slot: a record holds up to N items; ciphertext j
   * holds dimension j of items 0 .. N/2-1 as the real parts and of items N/2 .. N-1 as the imaginary
   * parts of its N/2 slots. The probe is the same as for {@link #HERS_SIMD} (a real value replicated to
   * every slot), and a real constant times a complex slot scales both parts alike, so scoring is the
   * same d products per block, over half as many blocks. Needs an engine with complex slots.
   */
  HERS_COMPLEX,

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
  PACKED_ITEMS;

  /**
   * Whether ciphertext j of a record holds dimension j of many items, so the probe is one ciphertext
   * per dimension with its value replicated to every slot (both HERS layouts).
   */
  public boolean dimensionMajor() {
    return this == HERS_SIMD || this == HERS_COMPLEX;
  }

  /**
   * The layout a command-line or config name stands for: {@code hers-complex}, {@code hers} (one item
   * per slot, as in the paper), {@code boddeti} (or {@code boddeti2018}), {@code packed}; case-insensitive.
   *
   * @throws IllegalArgumentException listing the accepted names
   */
  public static LayoutKind byName(String name) {
    String wanted = name.trim().toLowerCase(java.util.Locale.ROOT);
    for (LayoutKind kind : values()) {
      if (kind.cliName().equals(wanted)) {
        return kind;
      }
    }
    if (wanted.equals("boddeti2018")) {
      return BODDETI_2018;
    }
    throw new IllegalArgumentException("unknown layout '" + name + "'; expected hers-complex, hers, boddeti or packed");
  }

  /** The name command lines and configs use for this layout (read back by {@link #byName}). */
  public String cliName() {
    return switch (this) {
      case HERS_COMPLEX -> "hers-complex";
      case HERS_SIMD -> "hers";
      case BODDETI_2018 -> "boddeti";
      case PACKED_ITEMS -> "packed";
    };
  }

  /** Real values per slot: 2 for {@link #HERS_COMPLEX}, 1 otherwise. */
  public int valuesPerSlot() {
    return this == HERS_COMPLEX ? 2 : 1;
  }
}
