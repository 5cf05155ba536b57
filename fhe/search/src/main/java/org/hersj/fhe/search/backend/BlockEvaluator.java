package org.hersj.fhe.search.backend;

/**
 * Homomorphic operations of the search hot path, writing into caller-owned ciphertexts so scoring a
 * block allocates nothing. One instance per thread; holds no secret.
 */
public interface BlockEvaluator {

  /** Sets {@code acc} (any degree) to an encryption of zero at its own level and the product scale. */
  void clear(BackendCiphertext acc);

  /**
   * {@code acc2 += a * b} without relinearisation: {@code a}, {@code b} degree 1 at the same level,
   * {@code acc2} degree 2 at that level (the lazy-relinearisation accumulator).
   */
  void multiplyAccumulate(BackendCiphertext a, BackendCiphertext b, BackendCiphertext acc2);

  /**
   * Returns handles on {@code operands} for use as the fixed first operands {@code a} of many
   * {@link #innerProduct} calls (the probe, reused for every block); backends may precompute on them.
   * The handles are immutable and may be shared by the evaluators of all threads. The default returns a
   * copy of the array.
   */
  default BackendCiphertext[] prepareFixed(BackendCiphertext[] operands) {
    return operands.clone();
  }

  /**
   * {@code acc2 = sum_{j < count} a[j] * b[j]} as a degree-2 ciphertext (the whole block product of the
   * HERS layout); {@code a} may come from {@link #prepareFixed}. Backends may sum the products lazily
   * and reduce once; the default clears and multiply-accumulates term by term.
   */
  default void innerProduct(BackendCiphertext[] a, BackendCiphertext[] b, int count, BackendCiphertext acc2) {
    clear(acc2);
    for (int j = 0; j < count; j++) {
      multiplyAccumulate(a[j], b[j], acc2);
    }
  }

  /**
   * {@code acc1 += ct * value} where {@code value} is a clear number (the plaintext-probe mode);
   * {@code acc1} has the degree of {@code ct} and the product scale.
   */
  void multiplyConstantAccumulate(BackendCiphertext ct, double value, BackendCiphertext acc1);

  /**
   * Relinearises the degree-2 {@code acc2} into the degree-1 {@code out} at the same level, without
   * rescaling (for rotations before the rescale, where the key-switching noise is still divided by
   * the rescale's prime).
   */
  void relinearize(BackendCiphertext acc2, BackendCiphertext out);

  /** Relinearises the degree-2 {@code acc2} and rescales once into the degree-1 {@code out}. */
  void relinearizeAndRescale(BackendCiphertext acc2, BackendCiphertext out);

  /** Rescales {@code in} once into {@code out} of the same degree (no relinearisation). */
  void rescale(BackendCiphertext in, BackendCiphertext out);

  /**
   * Replaces {@code ct} (degree 1) by the sum of its first {@code count} slots, {@code count} a power
   * of two, with log2(count) rotations; slot 0 then holds the sum. Needs rotation keys
   * 1, 2, 4, ..., count/2. Used by the one-vector-per-ciphertext baseline and, for packed items, by
   * two-stage search, which relies on the rotate-and-sum result in every slot: slot i holds the sum of
   * slots i, ..., i + count - 1 (cyclically), so slot g*count holds the sum of segment g.
   */
  void sumFirstSlots(BackendCiphertext ct, int count);

  /** {@code out = relinearise(a * b)}: one product with immediate relinearisation (baseline). */
  void multiplyRelinearize(BackendCiphertext a, BackendCiphertext b, BackendCiphertext out);

  /**
   * Adds to {@code ct} (degree 1) fresh random values from a secure source on every slot except slots
   * 0, {@code period}, 2 {@code period}, ... (real and imaginary parts), which keep their value: stage 2
   * hides the partial sums that rotate-and-sum leaves in the other slots from the key owner. Engines
   * that cannot do this throw {@link UnsupportedOperationException}.
   */
  default void maskNonScoreSlots(BackendCiphertext ct, int period) {
    throw new UnsupportedOperationException("this engine cannot blind the non-score slots of a stage-2"
        + " response; the key owner would see the candidates' partial sums");
  }
}
