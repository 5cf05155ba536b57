package org.hersj.fhe.search.backend.ckks;

import org.hersj.fhe.ckks.Ciphertext;
import org.hersj.fhe.ckks.CkksEncoder;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.EvaluationKeys;
import org.hersj.fhe.ckks.Evaluator;
import org.hersj.fhe.ckks.Plaintext;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.BlockEvaluator;

/** One thread's CKKS evaluator with its own scratch ciphertexts; allocation-free per block. */
final class CkksBlockEvaluator implements BlockEvaluator {

  private final CkksParameters params;
  private final Evaluator evaluator;
  private final CkksEncoder encoder;
  private final Plaintext constant;
  private final Ciphertext product;
  private final LazyInnerProductKernel kernel;
  private Ciphertext[] left = new Ciphertext[0];
  private Ciphertext[] right = new Ciphertext[0];

  CkksBlockEvaluator(CkksParameters params, EvaluationKeys keys) {
    this.params = params;
    this.evaluator = new Evaluator(params, keys);
    this.encoder = new CkksEncoder(params);
    int top = params.maxLevel();
    this.constant = new Plaintext(params, top, params.defaultScale());
    this.product = new Ciphertext(params, 1, top, params.defaultScale());
    this.kernel = LazyInnerProductKernel.supports(params) ? new LazyInnerProductKernel(params) : null;
  }

  @Override
  public void clear(BackendCiphertext acc) {
    CkksCiphertext h = CkksCiphertext.of(acc);
    Ciphertext ct = h.ct;
    ct.reset(ct.capacityDegree(), ct.capacityLevel(), params.defaultScale());
    for (int d = 0; d <= ct.degree(); d++) {
      ct.poly(d).clear();
    }
    h.empty = true;
  }

  @Override
  public void multiplyAccumulate(BackendCiphertext a, BackendCiphertext b, BackendCiphertext acc2) {
    Ciphertext x = CkksCiphertext.of(a).ct;
    Ciphertext y = CkksCiphertext.of(b).ct;
    CkksCiphertext acc = CkksCiphertext.of(acc2);
    if (acc.empty) {
      acc.ct.reset(2, acc.ct.level(), x.scale() * y.scale());
      acc.empty = false;
    }
    evaluator.multiplyAccumulate(x, y, acc.ct);
  }

  /**
   * Sums the whole block's products in 128 bits and reduces once per group of up to
   * {@link LazyInnerProductKernel#MAX_TERMS} terms (see the adapter's note); falls back to the engine's
   * per-term multiply-accumulate for primes under 32 bits.
   */
  @Override
  public void innerProduct(BackendCiphertext[] a, BackendCiphertext[] b, int count, BackendCiphertext acc2) {
    if (kernel == null || count == 0) {
      BlockEvaluator.super.innerProduct(a, b, count, acc2);
      return;
    }
    if (left.length < count) {
      left = new Ciphertext[count];
      right = new Ciphertext[count];
    }
    double scale = 0;
    int level = Integer.MAX_VALUE;
    for (int j = 0; j < count; j++) {
      left[j] = CkksCiphertext.of(a[j]).ct;
      right[j] = CkksCiphertext.of(b[j]).ct;
      if (left[j].degree() != 1 || right[j].degree() != 1) {
        throw new IllegalArgumentException("inner product term " + j + " is not of degree 1");
      }
      double s = left[j].scale() * right[j].scale();
      if (j == 0) {
        scale = s;
      } else if (Math.abs(s / scale - 1) > 1e-9) {
        throw new IllegalArgumentException("inner product term " + j + " has scale 2^"
            + Math.log(s) / Math.log(2) + ", term 0 has 2^" + Math.log(scale) / Math.log(2));
      }
      level = Math.min(level, Math.min(left[j].level(), right[j].level()));
    }
    Ciphertext acc = CkksCiphertext.of(acc2).ct;
    acc.reset(2, Math.min(level, acc.capacityLevel()), scale);
    CkksCiphertext.of(acc2).empty = false;
    for (int from = 0; from < count; from += LazyInnerProductKernel.MAX_TERMS) {
      int terms = Math.min(LazyInnerProductKernel.MAX_TERMS, count - from);
      kernel.accumulate(left, right, from, terms, acc, from == 0);
    }
  }

  /**
   * The constant is encoded at scale q_level (the prime the following rescale divides by), so every
   * term of the sum has the same scale and the rescaled result keeps the gallery's scale.
   */
  @Override
  public void multiplyConstantAccumulate(BackendCiphertext ct, double value, BackendCiphertext acc1) {
    Ciphertext x = CkksCiphertext.of(ct).ct;
    CkksCiphertext acc = CkksCiphertext.of(acc1);
    double constScale = params.qModulus(x.level());
    encoder.encodeConstant(value, x.level(), constScale, constant);
    if (acc.empty) {
      evaluator.multiplyPlain(x, constant, acc.ct);
      acc.empty = false;
    } else {
      evaluator.multiplyPlain(x, constant, product);
      evaluator.add(acc.ct, product, acc.ct);
    }
  }

  @Override
  public void relinearizeAndRescale(BackendCiphertext acc2, BackendCiphertext out) {
    evaluator.relinearizeAndRescale(CkksCiphertext.of(acc2).ct, CkksCiphertext.of(out).ct);
  }

  @Override
  public void rescale(BackendCiphertext in, BackendCiphertext out) {
    evaluator.rescale(CkksCiphertext.of(in).ct, CkksCiphertext.of(out).ct);
  }

  @Override
  public void sumFirstSlots(BackendCiphertext ct, int count) {
    Ciphertext x = CkksCiphertext.of(ct).ct;
    evaluator.sumSlots(x, count, x);
  }

  @Override
  public void multiplyRelinearize(BackendCiphertext a, BackendCiphertext b, BackendCiphertext out) {
    evaluator.multiply(CkksCiphertext.of(a).ct, CkksCiphertext.of(b).ct, CkksCiphertext.of(out).ct);
  }
}
