package org.hersj.fhe.search.layout;

import java.util.concurrent.atomic.LongAdder;

/** Thread-safe tally of homomorphic operations; scoring threads add, the caller takes a snapshot. */
public final class OperationCounter {

  private final LongAdder ciphertexts = new LongAdder();
  private final LongAdder multiplications = new LongAdder();
  private final LongAdder relinearizations = new LongAdder();
  private final LongAdder rescales = new LongAdder();
  private final LongAdder rotations = new LongAdder();

  /** Adds the work of one record. */
  public void add(long ciphertextCount, long multiplicationCount, long relinearizationCount,
      long rescaleCount, long rotationCount) {
    ciphertexts.add(ciphertextCount);
    multiplications.add(multiplicationCount);
    relinearizations.add(relinearizationCount);
    rescales.add(rescaleCount);
    rotations.add(rotationCount);
  }

  /** The totals so far. */
  public OperationCounts snapshot() {
    return new OperationCounts(ciphertexts.sum(), multiplications.sum(), relinearizations.sum(),
        rescales.sum(), rotations.sum());
  }
}
