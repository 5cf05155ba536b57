package org.hersj.fhe.search.store;

/** What a record file holds, and what a user does when one is damaged or unfinished. */
public enum FileKind {
  /** An encrypted gallery: one record per block (HERS) or per item (Boddeti 2018). */
  GALLERY("resume or redo the enrollment (hers enroll with the same inputs), or restore the file"),
  /** An encrypted probe: one record holding the probe's ciphertexts. */
  PROBE("encrypt the probe again (hers encrypt-probe), or restore the file"),
  /** Encrypted scores: one record per gallery record, one score ciphertext each; recomputed, never resumed. */
  SCORES("run the search again (hers search), which replaces it");

  private final String remedy;

  FileKind(String remedy) {
    this.remedy = remedy;
  }

  /** @return what to do about a damaged or unfinished file of this kind, for error messages */
  public String remedy() {
    return remedy;
  }
}
