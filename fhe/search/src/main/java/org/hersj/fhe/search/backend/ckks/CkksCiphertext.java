package org.hersj.fhe.search.backend.ckks;

import org.hersj.fhe.ckks.Ciphertext;
import org.hersj.fhe.search.backend.BackendCiphertext;

/** A search-layer handle on an engine ciphertext buffer. */
final class CkksCiphertext implements BackendCiphertext {

  final Ciphertext ct;
  /** True after {@code clear}: the next accumulation sets the scale instead of adding. */
  boolean empty;

  CkksCiphertext(Ciphertext ct) {
    this.ct = ct;
  }

  @Override
  public int degree() {
    return ct.degree();
  }

  @Override
  public int level() {
    return ct.level();
  }

  /** The engine ciphertext behind {@code handle}, which must come from a CKKS backend. */
  static CkksCiphertext of(BackendCiphertext handle) {
    if (handle instanceof CkksCiphertext c) {
      return c;
    }
    if (handle instanceof CkksPreparedCiphertext) {
      throw new IllegalArgumentException("a prepared probe ciphertext can only be the first operand of "
          + "innerProduct; pass the unprepared ciphertext to other operations");
    }
    throw new IllegalArgumentException("ciphertext " + handle + " was not made by the CKKS backend");
  }
}
