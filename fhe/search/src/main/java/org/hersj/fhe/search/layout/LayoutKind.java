package org.hersj.fhe.search.layout;

import java.util.Arrays;

/**
 * How items are packed into ciphertexts. Each kind carries its own geometry (items and ciphertexts per
 * record, how a record's rows become slot vectors, which probes fit it), so code that handles galleries
 * asks the kind instead of comparing it with a constant.
 */
public enum LayoutKind {

  /**
   * HERS SIMD layout: a record (block) holds up to N/2 items; ciphertext j of the block holds
   * dimension j of every item of the block. Scoring needs d products and no rotation per block.
   */
  HERS_SIMD("hers", 1, true) {
    @Override
    int itemsPerRecord(int dimension, int slots) {
      return slots;
    }
  },

  /**
   * HERS SIMD layout with two items per complex CKKS slot: a record holds up to N items; ciphertext j
   * holds dimension j of items 0 .. N/2-1 as the real parts and of items N/2 .. N-1 as the imaginary
   * parts of its N/2 slots. The probe is the same as for {@link #HERS_SIMD} (a real value replicated to
   * every slot), and a real constant times a complex slot scales both parts alike, so scoring is the
   * same d products per block, over half as many blocks. Needs an engine with complex slots.
   */
  HERS_COMPLEX("hers-complex", 2, true) {
    @Override
    int itemsPerRecord(int dimension, int slots) {
      return 2 * slots;
    }
  },

  /**
   * Boddeti 2018 layout: a record holds one item as one ciphertext whose first d slots are its
   * features. Scoring needs one product and log2(d) rotations per item.
   */
  BODDETI_2018("boddeti", 1, false) {
    @Override
    int itemsPerRecord(int dimension, int slots) {
      return 1;
    }

    @Override
    void fill(float[] rows, int items, int dimension, int ciphertext, double[] slots) {
      for (int j = 0; j < dimension; j++) {
        slots[j] = rows[j];
      }
      Arrays.fill(slots, dimension, slots.length, 0.0);
    }

    @Override
    public void fillProbe(float[] probe, int ciphertext, double[] slots) {
      fill(probe, 1, probe.length, 0, slots);
    }

    @Override
    public String reportName() {
      return "boddeti2018";
    }
  },

  /**
   * Packed items (the full-dimension gallery of two-stage search): item g of a record occupies the
   * segment of p = 2^ceil(log2 d) consecutive slots starting at g*p (features, then zeros), so a record
   * holds N/(2p) items in one ciphertext and can be read alone. Scoring a record needs one product and
   * log2(p) rotations (rotate-and-sum within every segment at once); the score of item g lands in slot g*p.
   */
  PACKED_ITEMS("packed", 1, false) {
    @Override
    int itemsPerRecord(int dimension, int slots) {
      return slots / GalleryLayout.paddedDimension(dimension);
    }

    @Override
    void fill(float[] rows, int items, int dimension, int ciphertext, double[] slots) {
      int p = GalleryLayout.paddedDimension(dimension);
      Arrays.fill(slots, 0.0);
      for (int i = 0; i < items; i++) {
        for (int j = 0; j < dimension; j++) {
          slots[i * p + j] = rows[i * dimension + j];
        }
      }
    }

    @Override
    public int probeCiphertexts(int dimension, int slots) {
      return itemsPerRecord(dimension, slots);
    }

    @Override
    public void fillProbe(float[] probe, int ciphertext, double[] slots) {
      int p = GalleryLayout.paddedDimension(probe.length);
      Arrays.fill(slots, 0.0);
      for (int j = 0; j < probe.length; j++) {
        slots[ciphertext * p + j] = probe[j];
      }
    }

    @Override
    public void requireProbeCiphertexts(int count, int dimension) {
      if (count < 1 || Integer.bitCount(count) != 1) {
        throw new IllegalArgumentException("a " + this + " probe has one masked ciphertext per item segment, a"
            + " power of two, got " + count);
      }
    }
  };

  private final String cliName;
  private final int valuesPerSlot;
  private final boolean dimensionMajor;

  LayoutKind(String cliName, int valuesPerSlot, boolean dimensionMajor) {
    this.cliName = cliName;
    this.valuesPerSlot = valuesPerSlot;
    this.dimensionMajor = dimensionMajor;
  }

  /** Items per record of {@code dimension}-d features in ciphertexts of {@code slots} slots. */
  abstract int itemsPerRecord(int dimension, int slots);

  /**
   * Fills {@code slots} with the slot vector of ciphertext {@code ciphertext} of a record holding the first
   * {@code items} rows (row-major, {@code dimension} floats each) of {@code rows}. Dimension-major layouts
   * transpose: vector j holds feature j of every item, zero past the last item.
   */
  void fill(float[] rows, int items, int dimension, int ciphertext, double[] slots) {
    for (int i = 0; i < items; i++) {
      slots[i] = rows[i * dimension + ciphertext];
    }
    Arrays.fill(slots, items, slots.length, 0.0);
  }

  /**
   * Whether ciphertext j of a record holds dimension j of many items, so the probe is one ciphertext
   * per dimension with its value replicated to every slot (both HERS layouts).
   */
  public boolean dimensionMajor() {
    return dimensionMajor;
  }

  /** Ciphertexts per record: d for the dimension-major (HERS) layouts, 1 for the others. */
  public int ciphertextsPerRecord(int dimension) {
    return dimensionMajor ? dimension : 1;
  }

  /**
   * Ciphertexts of a probe for this layout in ciphertexts of {@code slots} slots: one per dimension (HERS,
   * each the value replicated to every slot), one (Boddeti 2018), or one segment-masked ciphertext per item
   * segment of a record (packed items, the stage-2 probe of two-stage search).
   */
  public int probeCiphertexts(int dimension, int slots) {
    return ciphertextsPerRecord(dimension);
  }

  /**
   * Fills {@code slots} (zeros elsewhere) with the slot vector of probe ciphertext {@code ciphertext} of a
   * layout that is not dimension-major: the features in the first slots (Boddeti 2018), or in the segment
   * {@code ciphertext} only (packed items). A dimension-major probe is a value per ciphertext replicated to
   * every slot, not a slot vector.
   *
   * @throws UnsupportedOperationException for the dimension-major layouts
   */
  public void fillProbe(float[] probe, int ciphertext, double[] slots) {
    throw new UnsupportedOperationException("a " + this + " probe is one replicated value per dimension");
  }

  /**
   * Checks that a probe for this layout may hold {@code count} ciphertexts: one per dimension (HERS), one
   * (Boddeti 2018), or one masked ciphertext per item segment, a power of two (packed items).
   *
   * @throws IllegalArgumentException saying what was expected
   */
  public void requireProbeCiphertexts(int count, int dimension) {
    int expected = ciphertextsPerRecord(dimension);
    if (count != expected) {
      throw new IllegalArgumentException("a " + this + " probe of dimension " + dimension + " has "
          + expected + " ciphertexts, got " + count);
    }
  }

  /**
   * Whether a probe encrypted for {@code probeKind} scores a gallery of this layout: the two HERS layouts
   * share one probe (a value replicated to every slot); every other layout needs a probe of its own kind.
   */
  public boolean takesProbeOf(LayoutKind probeKind) {
    return this == probeKind || (dimensionMajor && probeKind.dimensionMajor);
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
      if (kind.cliName().equals(wanted) || kind.reportName().equals(wanted)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown layout '" + name + "'; expected hers-complex, hers, boddeti or packed");
  }

  /**
   * The HERS layout of an engine: {@link #HERS_COMPLEX} where it packs two values per complex slot, else
   * {@link #HERS_SIMD}.
   */
  public static LayoutKind hers(boolean twoValuesPerSlot) {
    return twoValuesPerSlot ? HERS_COMPLEX : HERS_SIMD;
  }

  /** The name command lines and configs use for this layout (read back by {@link #byName}). */
  public String cliName() {
    return cliName;
  }

  /**
   * The name result tables use for this layout: {@code boddeti2018} for the prior work's layout (as in the
   * paper's tables), else {@link #cliName()}; also read back by {@link #byName}.
   */
  public String reportName() {
    return cliName;
  }

  /** Real values per slot: 2 for {@link #HERS_COMPLEX}, 1 otherwise. */
  public int valuesPerSlot() {
    return valuesPerSlot;
  }
}
