package org.hersj.fhe.search.backend;

import java.util.function.DoubleSupplier;
import java.util.function.IntToLongFunction;

/**
 * How large the server's fresh blinding of non-score slots is (stage 2, {@code maskNonScoreSlots}).
 *
 * <p>The search parameters have depth 1: after the product's rescale no prime is left, so the server
 * cannot multiply by a 0/1 mask (a plaintext mask needs a rescale; a mask at scale 1 would have to be an
 * integer polynomial, and those take equal values on all slots of one Galois orbit, so they cannot be
 * 0 on some slots and 1 on others). Instead it adds a plaintext that is 0 on the score slots and, on
 * every other slot, uniform on [-B, B] (the java engine blinds real and imaginary parts; OpenFHE encodes
 * real values only, so its imaginary parts carry no partial sums, and it blinds the real parts), drawn
 * fresh per ciphertext from a
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
   * @param prime the primes of the ciphertext's modulus by index ({@code prime.applyAsLong(i)}, i from 0)
   * @param primeCount how many primes are left at the ciphertext's level
   * @param scale the ciphertext's scale
   * @return B
   */
  public static double uniformBound(int ringDegree, IntToLongFunction prime, int primeCount, double scale) {
    double log2Modulus = 0;
    for (int i = 0; i < primeCount; i++) {
      log2Modulus += Math.log(prime.applyAsLong(i)) / Math.log(2);
    }
    double limit = Math.scalb(1.0, (int) Math.floor(log2Modulus) + 1 - 2); // the encoder's limit
    double rmsCoefficient = limit / 16;
    return rmsCoefficient * Math.sqrt(3) * Math.sqrt(ringDegree / 2.0) / scale;
  }

  /**
   * Fills the blinding values of one ciphertext: 0 on slots 0, {@code period}, 2 {@code period}, ...,
   * uniform on [-B, B] elsewhere.
   *
   * @param values {@code slots} real parts, optionally followed by {@code slots} imaginary parts (length
   *     {@code slots} or 2 {@code slots}); per slot the real part is drawn before the imaginary one
   * @param slots the number of slots
   * @param period the score period, which must divide {@code slots}
   * @param bound B, from {@link #uniformBound}
   * @param uniform a secure source of uniform values in [0, 1)
   * @throws IllegalArgumentException if the period does not divide the slots
   */
  public static void fill(double[] values, int slots, int period, double bound, DoubleSupplier uniform) {
    if (period < 1 || slots % period != 0) {
      throw new IllegalArgumentException("score period " + period + " must divide the " + slots + " slots");
    }
    if (values.length != slots && values.length != 2 * slots) {
      throw new IllegalArgumentException("blinding buffer of " + values.length + " values for " + slots
          + " slots: it must hold the real parts, or the real and imaginary parts");
    }
    int parts = values.length / slots;
    for (int k = 0; k < slots; k++) {
      boolean score = k % period == 0;
      for (int part = 0; part < parts; part++) {
        values[k + part * slots] = score ? 0 : (2 * uniform.getAsDouble() - 1) * bound;
      }
    }
  }
}
