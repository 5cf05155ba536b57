package org.hersj.fhe.search.server;

/** In which form the server returns score ciphertexts. */
public enum ScoreForm {

  /**
   * Default: the d degree-2 products of a block are accumulated, then relinearised and rescaled once
   * per block; one degree-1 ciphertext per block.
   */
  RELINEARIZED,

  /**
   * Explicit option: the accumulated degree-2 ciphertext is only rescaled, never relinearised; the
   * client decrypts it with s and s^2. Saves the server's key switch per block at the cost of 1.5x
   * larger score files. Same threat model as {@link #RELINEARIZED}.
   */
  DEGREE_TWO;

  /** Degree of the score ciphertexts in this form. */
  public int degree() {
    return this == RELINEARIZED ? 1 : 2;
  }
}
