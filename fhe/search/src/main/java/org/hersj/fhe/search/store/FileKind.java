package org.hersj.fhe.search.store;

/** What a record file holds. */
public enum FileKind {
  /** An encrypted gallery: one record per block (HERS) or per item (Boddeti 2018). */
  GALLERY,
  /** An encrypted probe: one record holding the probe's ciphertexts. */
  PROBE,
  /** Encrypted scores: one record per gallery record, one score ciphertext each. */
  SCORES
}
