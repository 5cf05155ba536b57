package org.hersj.fhe.search.backend;

/**
 * A ciphertext owned by a backend. The search layer only allocates, moves and serialises it
 * through the backend that made it; passing it to another backend is an error.
 */
public interface BackendCiphertext {

  /** Number of polynomials minus one: 1 for a fresh or relinearised ciphertext, 2 after a product. */
  int degree();

  /** Level (index of the last RNS modulus still present). */
  int level();
}
