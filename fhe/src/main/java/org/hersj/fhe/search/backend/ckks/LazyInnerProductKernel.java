package org.hersj.fhe.search.backend.ckks;

import org.hersj.fhe.arith.Modulus;
import org.hersj.fhe.ckks.Ciphertext;
import org.hersj.fhe.ckks.CkksParameters;

/**
 * ADAPTER, to move into the engine: the block inner product acc2 += sum_j a_j (x) b_j of degree-1
 * ciphertexts into a degree-2 one, with the 128-bit Karatsuba products of all j summed exactly and
 * reduced once per output residue per call, instead of once per j as {@code Evaluator.multiplyAccumulate}
 * does. Positions are processed in cache-sized chunks so the 128-bit sums stay in L1. It reads the
 * engine's public limb arrays and {@link Modulus#reduce128}; it belongs next to the engine's
 * {@code TensorKernels} and should be replaced by an engine method ({@code Evaluator.innerProduct}) when
 * one exists. Not thread-safe: one per thread.
 *
 * <p>Range: a Karatsuba term is below 2q^2 &lt; 2^121 for q &lt; 2^60, so up to {@link #MAX_TERMS} terms
 * plus the previous residue fit in 128 unsigned bits; the final reduction splits hi:lo as
 * (hi mod q) 2^64 + (lo mod q), which needs q of at least 32 bits (checked).
 */
final class LazyInnerProductKernel {

  /** Most terms summed in one call. */
  static final int MAX_TERMS = 64;
  private static final int CHUNK = 512;

  private final CkksParameters params;
  private final long[] hi0 = new long[CHUNK];
  private final long[] lo0 = new long[CHUNK];
  private final long[] hi1 = new long[CHUNK];
  private final long[] lo1 = new long[CHUNK];
  private final long[] hi2 = new long[CHUNK];
  private final long[] lo2 = new long[CHUNK];

  LazyInnerProductKernel(CkksParameters params) {
    this.params = params;
  }

  /** Whether every q prime is large enough for the final split reduction. */
  static boolean supports(CkksParameters params) {
    for (int i = 0; i <= params.maxLevel(); i++) {
      if (params.ring().modulus(i).bits() < 32) {
        return false;
      }
    }
    return true;
  }

  /**
   * acc2 (+)= sum_{from &lt;= j &lt; from + count} a[j] (x) b[j] over limbs 0 .. acc2.level(); acc2 must be
   * degree 2 with scale a.scale * b.scale (checked by the caller). With {@code overwrite} the previous
   * content of acc2 is ignored.
   */
  void accumulate(Ciphertext[] a, Ciphertext[] b, int from, int count, Ciphertext acc2, boolean overwrite) {
    if (count > MAX_TERMS) {
      throw new IllegalArgumentException(count + " terms exceed the " + MAX_TERMS + " the 128-bit sums hold");
    }
    int n = params.ringDegree();
    for (int i = 0; i <= acc2.level(); i++) {
      Modulus m = params.ring().modulus(i);
      long twoTo64 = m.reduce128(1, 0);
      long[] d0 = acc2.poly(0).limb(i);
      long[] d1 = acc2.poly(1).limb(i);
      long[] d2 = acc2.poly(2).limb(i);
      for (int start = 0; start < n; start += CHUNK) {
        int len = Math.min(CHUNK, n - start);
        for (int c = 0; c < len; c++) {
          hi0[c] = 0;
          lo0[c] = overwrite ? 0 : d0[start + c];
          hi1[c] = 0;
          lo1[c] = overwrite ? 0 : d1[start + c];
          hi2[c] = 0;
          lo2[c] = overwrite ? 0 : d2[start + c];
        }
        for (int j = from; j < from + count; j++) {
          addChunk(a[j].poly(0).limb(i), a[j].poly(1).limb(i), b[j].poly(0).limb(i), b[j].poly(1).limb(i),
              start, len);
        }
        for (int c = 0; c < len; c++) {
          d0[start + c] = reduce(hi0[c], lo0[c], m, twoTo64);
          d1[start + c] = reduce(hi1[c], lo1[c], m, twoTo64);
          d2[start + c] = reduce(hi2[c], lo2[c], m, twoTo64);
        }
      }
    }
  }

  private void addChunk(long[] a0, long[] a1, long[] b0, long[] b1, int start, int len) {
    for (int c = 0; c < len; c++) {
      long x0 = a0[start + c];
      long x1 = a1[start + c];
      long y0 = b0[start + c];
      long y1 = b1[start + c];
      long pl0 = x0 * y0;
      long ph0 = Math.multiplyHigh(x0, y0);
      long pl2 = x1 * y1;
      long ph2 = Math.multiplyHigh(x1, y1);
      long sx = x0 + x1;
      long sy = y0 + y1;
      long pl1 = sx * sy;
      long ph1 = Math.multiplyHigh(sx, sy);
      long t = pl1 - pl0;
      ph1 = ph1 - ph0 - (Long.compareUnsigned(pl1, pl0) < 0 ? 1 : 0);
      long mid = t - pl2;
      ph1 = ph1 - ph2 - (Long.compareUnsigned(t, pl2) < 0 ? 1 : 0);
      long s0 = lo0[c] + pl0;
      hi0[c] += ph0 + (Long.compareUnsigned(s0, pl0) < 0 ? 1 : 0);
      lo0[c] = s0;
      long s1 = lo1[c] + mid;
      hi1[c] += ph1 + (Long.compareUnsigned(s1, mid) < 0 ? 1 : 0);
      lo1[c] = s1;
      long s2 = lo2[c] + pl2;
      hi2[c] += ph2 + (Long.compareUnsigned(s2, pl2) < 0 ? 1 : 0);
      lo2[c] = s2;
    }
  }

  /** hi:lo mod q for any 128-bit hi:lo, q of at least 32 bits. */
  private static long reduce(long hi, long lo, Modulus m, long twoTo64) {
    long low = m.reduce128(0, lo);
    if (hi == 0) {
      return low;
    }
    long high = m.mul(m.reduce128(0, hi), twoTo64);
    return m.add(high, low);
  }
}
