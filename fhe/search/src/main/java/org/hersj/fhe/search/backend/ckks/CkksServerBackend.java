package org.hersj.fhe.search.backend.ckks;

import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.EvaluationKeys;
import org.hersj.fhe.ckks.GaloisKeys;
import org.hersj.fhe.ckks.PublicKey;
import org.hersj.fhe.search.backend.BlockEvaluator;
import org.hersj.fhe.search.backend.ServerBackend;

/**
 * The server's CKKS backend: parameters, the public key (identifies the key pair) and the evaluation
 * keys. Its only constructor takes public material, so a server can never be built from a secret key.
 */
public final class CkksServerBackend extends CkksBackendBase implements ServerBackend {

  private final EvaluationKeys keys;

  /** A server backend from public material only. */
  public CkksServerBackend(CkksParameters params, PublicKey publicKey, EvaluationKeys keys) {
    super(params, publicKey);
    if (keys == null || (params.supportsKeySwitching() && keys.relinearizationKey() == null)) {
      throw new IllegalArgumentException("the server needs a relinearisation key in its evaluation keys");
    }
    this.keys = keys;
  }

  @Override
  public BlockEvaluator newEvaluator() {
    return new CkksBlockEvaluator(params, keys);
  }

  @Override
  public boolean canRelinearize() {
    return keys.relinearizationKey() != null && params.maxLevel() >= 1;
  }

  @Override
  public boolean hasRotationKeys(int... steps) {
    GaloisKeys galois = keys.galoisKeys();
    if (galois == null) {
      return steps.length == 0;
    }
    for (int step : steps) {
      if (!galois.byGaloisElement().containsKey(GaloisKeys.galoisElement(params, step))) {
        return false;
      }
    }
    return true;
  }
}
