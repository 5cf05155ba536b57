package org.hersj.fhe.search.backend;

/**
 * The server's backend: parameters plus evaluation keys (relinearisation and, when needed, rotation
 * keys), never the secret key. Implementations must not offer any way to be built from a secret key.
 * Thread-safe; every scoring thread takes its own {@link BlockEvaluator}.
 */
public interface ServerBackend extends SearchBackend {

  /** A new evaluator with its own scratch buffers, for one thread. */
  BlockEvaluator newEvaluator();

  /**
   * Whether this server can relinearise and rescale a block's degree-2 product (it holds a
   * relinearisation key and the parameters have a prime to rescale by); parameters sized for degree-2
   * scores only (one q prime) cannot.
   */
  default boolean canRelinearize() {
    return true;
  }

  /** Whether rotation (Galois) keys for these steps are present (needed by the 2018 baseline). */
  boolean hasRotationKeys(int... steps);
}
