package org.hersj.fhe.search.layout;

/**
 * Turns the rows of one record (row-major, {@code items x d} floats) into the slot vectors of its
 * ciphertexts. HERS: vector j holds feature j of every item of the block (a transposition), zero past
 * the last item; with complex slots the vector is twice as long (real parts, then imaginary parts, for
 * {@code EncryptionBackend.encryptColumnPairs}). Boddeti 2018: the single vector holds the item's d features, zero after. Packed
 * items: item g's d features start at slot g*p (p = 2^ceil(log2 d)), zero elsewhere. Reuses one
 * buffer; not thread-safe.
 */
public final class RecordPacker {

  private final GalleryLayout layout;
  private final double[] slots;

  /** A packer for records of {@code layout}. */
  public RecordPacker(GalleryLayout layout) {
    this.layout = layout;
    this.slots = new double[layout.slots() * layout.kind().valuesPerSlot()];
  }

  /**
   * Fills and returns the internal buffer with the slot vector of ciphertext {@code c} of a record
   * holding the first {@code items} rows of {@code rows}; the next call overwrites it.
   */
  public double[] vector(float[] rows, int items, int c) {
    int d = layout.dimension();
    if (c < 0 || c >= layout.ciphertextsPerRecord()) {
      throw new IndexOutOfBoundsException("ciphertext " + c + " outside 0.." + (layout.ciphertextsPerRecord() - 1));
    }
    if (items < 1 || items > layout.itemsPerRecord() || (long) items * d > rows.length) {
      throw new IllegalArgumentException(items + " items do not fit one record");
    }
    layout.kind().fill(rows, items, d, c, slots);
    return slots;
  }
}
