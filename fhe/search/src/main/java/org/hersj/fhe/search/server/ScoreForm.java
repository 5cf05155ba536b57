package org.hersj.fhe.search.server;

import org.hersj.fhe.search.backend.SearchBackend;

/** In which form the server returns score ciphertexts. */
public enum ScoreForm {

  /**
   * Default: the d degree-2 products of a block are accumulated, then relinearised and rescaled once
   * per block; one degree-1 ciphertext per block.
   */
  RELINEARIZED,

  /**
   * Explicit option, not the default: the server returns the accumulated degree-2 ciphertext as it is
   * (neither relinearised nor rescaled); the client decrypts it with s and s^2 at the top level and
   * rescales the plaintext itself. Saves the server's key switch and rescale per block; costs the
   * client one plaintext rescale per block and makes score files 3x larger (three polynomials at two
   * primes instead of two at one). Rescaling on the client, after decryption, also avoids the rounding
   * error of a degree-2 rescale, which s^2 would amplify to ~1e-6. Same threat model as
   * {@link #RELINEARIZED}.
   */
  DEGREE_TWO;

  /** Degree of the score ciphertexts in this form. */
  public int degree() {
    return this == RELINEARIZED ? 1 : 2;
  }

  /** Level of the score ciphertexts in this form. */
  public int level(SearchBackend backend) {
    return this == RELINEARIZED ? backend.scoreLevel() : backend.freshLevel();
  }
}
