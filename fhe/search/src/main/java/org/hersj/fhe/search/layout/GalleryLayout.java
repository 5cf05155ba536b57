package org.hersj.fhe.search.layout;

/**
 * Validated shape of an encrypted gallery: layout kind, item count, dimension and ciphertext slots.
 * A record is the unit written and read by the store: a block of up to {@code slots} items (HERS; twice
 * as many with complex slots), one item (Boddeti 2018) or a group of items (packed items).
 *
 * @param kind how items are packed
 * @param itemCount number of gallery items, at least 1
 * @param dimension feature dimension d, at least 1
 * @param slots slots per ciphertext (N/2)
 */
public record GalleryLayout(LayoutKind kind, long itemCount, int dimension, int slots) {

  /** Checks the shape; the Boddeti layout needs d &lt;= slots. */
  public GalleryLayout {
    if (kind == null) {
      throw new IllegalArgumentException("layout kind is missing");
    }
    if (itemCount < 1) {
      throw new IllegalArgumentException("gallery item count must be at least 1, got " + itemCount);
    }
    if (dimension < 1) {
      throw new IllegalArgumentException("feature dimension must be at least 1, got " + dimension);
    }
    if (slots < 1 || Integer.bitCount(slots) != 1) {
      throw new IllegalArgumentException("slots must be a power of two, got " + slots);
    }
    if (!kind.dimensionMajor() && paddedDimension(dimension) > slots) {
      throw new IllegalArgumentException("dimension " + dimension
          + " does not fit one ciphertext of " + slots + " slots (" + kind + " layout)");
    }
  }

  /**
   * Items per record: {@code slots} for HERS, 2 x {@code slots} for HERS with complex slots, 1 for
   * Boddeti 2018, slots / p for packed items.
   */
  public int itemsPerRecord() {
    return kind.itemsPerRecord(dimension, slots);
  }

  /** Ciphertexts per record: d for both HERS layouts, 1 for Boddeti 2018 and packed items. */
  public int ciphertextsPerRecord() {
    return kind.ciphertextsPerRecord(dimension);
  }

  /** Number of records: ceil(itemCount / itemsPerRecord). */
  public long recordCount() {
    long per = itemsPerRecord();
    return (itemCount + per - 1) / per;
  }

  /** Index of the first item of record {@code record}. */
  public long firstItem(long record) {
    checkRecord(record);
    return record * itemsPerRecord();
  }

  /** Number of items in record {@code record} (the last one may be partly filled). */
  public int itemsInRecord(long record) {
    checkRecord(record);
    return (int) Math.min(itemsPerRecord(), itemCount - firstItem(record));
  }

  /** Total ciphertexts of the gallery. */
  public long ciphertextCount() {
    return recordCount() * ciphertextsPerRecord();
  }

  /** Smallest power of two &gt;= d: the slot count summed by the Boddeti rotate-and-sum. */
  public static int paddedDimension(int dimension) {
    return dimension <= 1 ? 1 : Integer.highestOneBit(dimension - 1) << 1;
  }

  private void checkRecord(long record) {
    if (record < 0 || record >= recordCount()) {
      throw new IndexOutOfBoundsException("record " + record + " outside 0.." + (recordCount() - 1));
    }
  }
}
