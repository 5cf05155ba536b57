package org.hersj.fhe.search.layout;

/**
 * Homomorphic work of one search, for the layout complexity comparison.
 *
 * @param ciphertexts gallery ciphertexts read
 * @param multiplications ciphertext-ciphertext (or ciphertext-constant) products
 * @param relinearizations relinearisations (key switches)
 * @param rescales rescale operations
 * @param rotations slot rotations (key switches)
 */
public record OperationCounts(long ciphertexts, long multiplications, long relinearizations,
    long rescales, long rotations) {

  /**
   * The counts expected for one encrypted-probe search of {@code layout}, from its shape alone (for
   * packed items: scoring every record; two-stage search scores only the records it touches).
   */
  public static OperationCounts predicted(GalleryLayout layout) {
    long records = layout.recordCount();
    if (layout.kind().dimensionMajor()) {
      long cts = records * layout.dimension();
      return new OperationCounts(cts, cts, records, records, 0);
    }
    int rotationsPerItem = Integer.numberOfTrailingZeros(GalleryLayout.paddedDimension(layout.dimension()));
    return new OperationCounts(records, records, records, records, records * rotationsPerItem);
  }
}
