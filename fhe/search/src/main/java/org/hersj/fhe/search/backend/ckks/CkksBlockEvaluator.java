package org.hersj.fhe.search.backend.ckks;

import org.hersj.fhe.ckks.Ciphertext;
import org.hersj.fhe.ckks.CkksEncoder;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.EvaluationKeys;
import org.hersj.fhe.ckks.Evaluator;
import org.hersj.fhe.ckks.Plaintext;
import org.hersj.fhe.ckks.PreparedCiphertext;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.BlockEvaluator;
import org.hersj.fhe.search.backend.SlotBlinding;

/** One thread's CKKS evaluator with its own scratch ciphertexts; allocation-free per block. */
final class CkksBlockEvaluator implements BlockEvaluator {

  private final CkksParameters params;
  private final Evaluator evaluator;
  private final CkksEncoder encoder;
  private final Plaintext constant;
  private final Ciphertext product;
  private Ciphertext[] left = new Ciphertext[0];
  private Ciphertext[] right = new Ciphertext[0];
  private PreparedCiphertext[] fixed = new PreparedCiphertext[0];
  private RandomSource blindingRandom;
  private double[] blindingValues;
  private Plaintext blinding;

  CkksBlockEvaluator(CkksParameters params, EvaluationKeys keys) {
    this.params = params;
    this.evaluator = new Evaluator(params, keys);
    this.encoder = new CkksEncoder(params);
    int top = params.maxLevel();
    this.constant = new Plaintext(params, top, params.defaultScale());
    this.product = new Ciphertext(params, 1, top, params.defaultScale());
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
   * Prepares the probe once (Shoup quotients, {@link Evaluator#prepare}); the handles are immutable and
   * shared by the evaluators of all threads.
   */
  @Override
  public BackendCiphertext[] prepareFixed(BackendCiphertext[] operands) {
    BackendCiphertext[] prepared = new BackendCiphertext[operands.length];
    for (int j = 0; j < operands.length; j++) {
      prepared[j] = new CkksPreparedCiphertext(evaluator.prepare(CkksCiphertext.of(operands[j]).ct));
    }
    return prepared;
  }

  /**
   * With {@code a} from {@link #prepareFixed}: the engine's prepared inner product (lazy Shoup products,
   * one reduction per output coefficient); otherwise the engine's fused multiply-accumulates.
   */
  @Override
  public void innerProduct(BackendCiphertext[] a, BackendCiphertext[] b, int count, BackendCiphertext acc2) {
    if (count < 1) {
      throw new IllegalArgumentException("an inner product needs at least one term, got " + count);
    }
    if (right.length < count) {
      right = new Ciphertext[count];
      left = new Ciphertext[count];
      fixed = new PreparedCiphertext[count];
    }
    for (int j = 0; j < count; j++) {
      right[j] = CkksCiphertext.of(b[j]).ct;
    }
    Ciphertext acc = CkksCiphertext.of(acc2).ct;
    if (a[0] instanceof CkksPreparedCiphertext) {
      for (int j = 0; j < count; j++) {
        if (!(a[j] instanceof CkksPreparedCiphertext p)) {
          throw new IllegalArgumentException("inner product term " + j + " is not prepared like term 0");
        }
        fixed[j] = p.prepared;
      }
      evaluator.innerProduct(right, fixed, count, acc);
    } else {
      for (int j = 0; j < count; j++) {
        left[j] = CkksCiphertext.of(a[j]).ct;
      }
      evaluator.innerProduct(left, right, count, acc);
    }
    CkksCiphertext.of(acc2).empty = false;
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
  public void relinearize(BackendCiphertext acc2, BackendCiphertext out) {
    evaluator.relinearize(CkksCiphertext.of(acc2).ct, CkksCiphertext.of(out).ct);
    CkksCiphertext.of(out).empty = false;
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

  /**
   * Adds a plaintext that is 0 on the score slots and uniform on [-B, B] elsewhere ({@link SlotBlinding}),
   * encoded at the ciphertext's level and scale, from this evaluator's own secure random source.
   */
  @Override
  public void maskNonScoreSlots(BackendCiphertext handle, int period) {
    Ciphertext ct = CkksCiphertext.of(handle).ct;
    int n = params.slots();
    if (blinding == null) {
      blindingRandom = RandomSource.secure();
      blindingValues = new double[2 * n];
      blinding = new Plaintext(params, params.maxLevel(), params.defaultScale());
    }
    double bound = SlotBlinding.uniformBound(params.ringDegree(), params::qModulus, ct.level() + 1, ct.scale());
    SlotBlinding.fill(blindingValues, n, period, bound, blindingRandom::uniformDouble);
    encoder.encodeComplex(blindingValues, ct.level(), ct.scale(), blinding);
    evaluator.addPlain(ct, blinding, ct);
  }
}
