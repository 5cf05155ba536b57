package org.hersj.fhe.search.backend;

/**
 * How large the server's fresh blinding of non-score slots is (stage 2, {@code maskNonScoreSlots}).
 *
 * <p>The search parameters have depth 1: after the product's rescale no prime is left, so the server
 * cannot multiply by a 0/1 mask (a plaintext mask needs a rescale; a mask at scale 1 would have to be an
 * integer polynomial, and those take equal values on all slots of one Galois orbit, so they cannot be
 * 0 on some slots and 1 on others). Instead it adds a plaintext that is 0 on the score slots and, on
 * every other slot (real and imaginary part), uniform on [-B, B], drawn fresh per ciphertext from a
 * secure source the key owner never sees. B is the largest value that keeps the sum's coefficients far
 * inside the modulus: with per-coefficient root-mean-square (B / sqrt 3) * scale * sqrt(2/N) set to
 * 1/16 of the encoder's limit 2^(log2 Q - 2), so no coefficient wraps (16 standard deviations). A
 * non-score slot then holds (sum of products) + uniform noise: a shift by t of a uniform on [-B, B] is
 * at statistical distance |t| / (2B) from it, and the partial sums of unit vectors' products are at most
 * 2 in absolute value, so each slot's information is hidden up to 1/B. That is about 2^-8 at SEARCH_N4096
 * (q_0 of 46 bits, scale 2^38: B ~ 310) and 2^-19 at SEARCH_N8192 (q_0 of 60 bits, scale 2^41: B ~ 9e5):
 * statistical, not negligible; full zeroing needs one more prime. Engine-neutral: the java engine and
 * OpenFHE size their blinding with it.
 */
public final class SlotBlinding {

  private SlotBlinding() {
  }

  /**
   * The half-range B of the uniform blinding of a ciphertext.
   *
   * @param ringDegree N
   * @param log2Modulus log2 of the ciphertext's modulus (the product of the primes left at its level)
   * @param scale the ciphertext's scale
   */
  public static double uniformBound(int ringDegree, double log2Modulus, double scale) {
    double limit = Math.scalb(1.0, (int) Math.floor(log2Modulus) + 1 - 2); // the encoder's limit
    double rmsCoefficient = limit / 16;
    return rmsCoefficient * Math.sqrt(3) * Math.sqrt(ringDegree / 2.0) / scale;
  }
}
