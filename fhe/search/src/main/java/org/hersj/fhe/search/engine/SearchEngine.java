package org.hersj.fhe.search.engine;

import java.io.IOException;
import java.nio.file.Path;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ckks.ParameterPolicy;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.layout.LayoutKind;

/**
 * A CKKS engine under the encrypted search, found with {@link java.util.ServiceLoader} (see
 * {@link SearchEngines}): HERS-J's own engine ({@code java}, in this module) or OpenFHE ({@code openfhe}, in
 * the optional {@code fhe/openfhe} module). An implementation has a public no-argument constructor that
 * does no expensive work (native libraries are loaded on first use), and registers itself in
 * {@code META-INF/services/org.hersj.fhe.search.engine.SearchEngine}.
 *
 * <p>Everything above the engine (enrollment, servers, clients, experiments, the CLI) reaches an engine
 * through this interface and the role backends it returns, never through an engine's own classes.
 */
public interface SearchEngine {

  /** The name written in configurations ({@code fhe.backend}) and on the command line ({@code --backend}). */
  String name();

  /**
   * The HERS layout galleries of this engine use unless told otherwise (two items per complex slot where the
   * engine packs complex slots, one item per slot otherwise).
   */
  LayoutKind hersLayout();

  /**
   * Whether this engine runs parameters with a single q prime (degree-two scores only, as the LITE presets):
   * a preset is then chosen among them too; otherwise only among sets with a prime to rescale by.
   */
  default boolean runsOnePrimeParameters() {
    return true;
  }

  /**
   * Generates a key set for {@code parameters}: secret and public key, relinearisation key and rotation
   * keys for {@code rotationSteps}.
   *
   * @param random randomness of an engine that draws from ours ({@link RandomSource#secure()} outside tests);
   *        an engine with its own generator ignores it
   * @throws IllegalArgumentException if the engine cannot express or refuses the parameters, naming the field
   * @throws EngineUnavailableException if the engine cannot be used in this JVM, saying what to do
   */
  SearchKeySet generateKeys(CkksParametersLiteral parameters, RandomSource random, int... rotationSteps);

  /**
   * Writes every key of {@code keys} into {@code dir} (the secret key owner-only).
   *
   * @throws IllegalArgumentException if {@code keys} was not made by this engine
   */
  void writeKeys(SearchKeySet keys, Path dir) throws IOException;

  /**
   * The roles that may hold {@code file}, one file of a key directory written by {@link #writeKeys}, decided
   * by what the file holds. This default reads the file names {@link #writeKeys} gives (a name starting with
   * {@code secret}: the key owner only; {@code relinearization}, {@code galois} or {@code rotation}: key owner
   * and server; anything else: every role); an engine whose files carry their object type reads that instead.
   */
  default java.util.Set<KeyRole> rolesOf(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (name.startsWith("secret")) {
      return java.util.EnumSet.of(KeyRole.CLIENT);
    }
    if (name.startsWith("relinearization") || name.startsWith("galois") || name.startsWith("rotation")) {
      return java.util.EnumSet.of(KeyRole.CLIENT, KeyRole.SERVER);
    }
    return java.util.EnumSet.allOf(KeyRole.class);
  }

  /** Whether {@code dir} holds a key directory written by {@link #writeKeys} of this engine. */
  boolean holdsKeys(Path dir);

  /** The key owner's backend (secret key) from a key directory written by {@link #writeKeys}. */
  ClientBackend loadClient(Path dir, RandomSource random) throws IOException;

  /** A public-key enrollment backend (no secret key needed) from a key directory. */
  EncryptionBackend loadEnroller(Path dir, RandomSource random) throws IOException;

  /** The server's backend from a key directory: evaluation keys only, never the secret key. */
  ServerBackend loadServer(Path dir) throws IOException;

  /**
   * As {@link #loadClient(Path, RandomSource)}, reading the saved parameters as {@code policy} says (insecure
   * ones only when the command line allowed them). An engine that never reads insecure parameters from files
   * keeps this default, which refuses them as the policy-less load does.
   */
  default ClientBackend loadClient(Path dir, RandomSource random, ParameterPolicy policy) throws IOException {
    return loadClient(dir, random);
  }

  /** As {@link #loadEnroller(Path, RandomSource)} under {@code policy} (see {@link #loadClient(Path, RandomSource, ParameterPolicy)}). */
  default EncryptionBackend loadEnroller(Path dir, RandomSource random, ParameterPolicy policy) throws IOException {
    return loadEnroller(dir, random);
  }

  /** As {@link #loadServer(Path)} under {@code policy} (see {@link #loadClient(Path, RandomSource, ParameterPolicy)}). */
  default ServerBackend loadServer(Path dir, ParameterPolicy policy) throws IOException {
    return loadServer(dir);
  }
}
