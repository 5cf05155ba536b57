package org.hersj.fhe.search.twostage;

/** Who sums the per-feature products of a candidate in stage 2. */
public enum Stage2Form {

  /**
   * Default: the server sums each segment by rotate-and-sum (log2 p rotations per group of candidates),
   * so the decrypted response holds the candidates' scores in slots g*p (and, in the other slots, sums
   * of p consecutive per-feature products of the group's candidates). Needs rotation keys.
   */
  SERVER_SUMS,

  /**
   * Explicit option: the server returns the relinearised, rescaled products (no rotation, less server
   * work per group, no rotation keys); the client sums the d slots of each candidate after
   * decryption. The key owner then sees the candidates' per-feature products with its own probe, i.e.
   * their features: acceptable only when the key owner may see the gallery templates anyway (in
   * HERS the gallery is encrypted under the key owner's key), not when the gallery's owner is another
   * party.
   */
  CLIENT_SUMS_REVEALS_PRODUCTS
}
