package org.hersj.fhe.search.server;

import java.util.Arrays;
import java.util.Locale;
import org.hersj.fhe.search.backend.SearchBackend;
import org.hersj.fhe.search.backend.ServerBackend;

/** In which form the server returns score ciphertexts. */
public enum ScoreForm {

  /**
   * The d degree-2 products of a block are accumulated, then relinearised and rescaled once per
   * block; one degree-1 ciphertext per block at the score level.
   */
  RELINEARIZED,

  /**
   * The server returns the accumulated degree-2 ciphertext as it is (neither relinearised nor
   * rescaled); the key owner decrypts it with s and s^2 at the top level and rescales the plaintext
   * itself. Saves the server's key switch and rescale per block (no relinearisation key needed at
   * all); costs the client a degree-2 decryption per block and makes score files larger (three
   * polynomials at every prime instead of two at one fewer). Rescaling on the client, after
   * decryption, also avoids the rounding error of a degree-2 rescale, which s^2 would amplify. The
   * only form of parameters without a special prime or without a prime to rescale by. Same threat
   * model as {@link #RELINEARIZED}.
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

  /** The name used on the command line and in configs: {@code relinearized} or {@code degree-two}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses {@code relinearized} or {@code degree-two} (case-insensitive).
   *
   * @throws IllegalArgumentException listing the accepted names
   */
  public static ScoreForm byName(String name) {
    for (ScoreForm f : values()) {
      if (f.cliName().equalsIgnoreCase(name == null ? "" : name.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException("score form must be one of "
        + Arrays.stream(values()).map(ScoreForm::cliName).toList() + ", got '" + name + "'");
  }

  /**
   * The form a search under {@code server} uses unless told otherwise: {@link #DEGREE_TWO} (the
   * server's block is about half as long without the key switch and rescale, measured in
   * bench/README.md), and always where the server cannot relinearise.
   */
  public static ScoreForm defaultFor(ServerBackend server) {
    return DEGREE_TWO;
  }

  /**
   * Checks {@code server} can produce scores in this form.
   *
   * @throws IllegalArgumentException saying which form to use instead
   */
  public void requireSupportedBy(ServerBackend server) {
    if (this == RELINEARIZED && !server.canRelinearize()) {
      throw new IllegalArgumentException("the parameters " + server.describeParameters() + " make degree-2 scores"
          + " only (no relinearisation key or no prime to rescale by); search with score form degree-two"
          + " (CLI: --score-form degree-two, config: fhe.scoreForm: degree-two)");
    }
  }
}
