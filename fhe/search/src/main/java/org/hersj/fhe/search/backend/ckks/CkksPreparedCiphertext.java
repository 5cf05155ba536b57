package org.hersj.fhe.search.backend.ckks;

import org.hersj.fhe.ckks.PreparedCiphertext;
import org.hersj.fhe.search.backend.BackendCiphertext;

/**
 * A search-layer handle on a prepared probe ciphertext ({@link PreparedCiphertext}: Shoup quotients of
 * its polynomials), made by {@link CkksBlockEvaluator#prepareFixed}. Immutable, so one probe serves the
 * evaluators of every thread.
 */
final class CkksPreparedCiphertext implements BackendCiphertext {

  final PreparedCiphertext prepared;

  CkksPreparedCiphertext(PreparedCiphertext prepared) {
    this.prepared = prepared;
  }

  @Override
  public int degree() {
    return 1;
  }

  @Override
  public int level() {
    return prepared.level();
  }
}
