package org.hersj.fhe.search.testing;

import java.nio.file.Path;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.engine.SearchEngine;
import org.hersj.fhe.search.engine.SearchKeySet;
import org.hersj.fhe.search.layout.LayoutKind;

/**
 * A second engine on the test class path ({@code clear-test}, registered in the test resources'
 * {@code META-INF/services}): it proves engines are found by {@link java.util.ServiceLoader}, and it packs one
 * item per slot, so engine-dependent layout rules can be tested without OpenFHE. Its "ciphertexts" are
 * {@link ClearTestBackend}'s plaintext; it has no key files.
 */
public final class ClearTestEngine implements SearchEngine {

  /** The engine's name. */
  public static final String NAME = "clear-test";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public LayoutKind hersLayout() {
    return LayoutKind.HERS_SIMD;
  }

  @Override
  public SearchKeySet generateKeys(CkksParametersLiteral parameters, RandomSource random, int... rotationSteps) {
    ClearTestBackend backend = new ClearTestBackend(1 << (parameters.logN() - 1), "clear-test", "clear-test-keys");
    return new SearchKeySet() {
      @Override
      public ClientBackend client() {
        return backend;
      }

      @Override
      public EncryptionBackend enroller() {
        return backend;
      }

      @Override
      public ServerBackend server() {
        return backend;
      }
    };
  }

  @Override
  public void writeKeys(SearchKeySet keys, Path dir) {
    throw new UnsupportedOperationException("the clear test engine has no key files");
  }

  @Override
  public boolean holdsKeys(Path dir) {
    return false;
  }

  @Override
  public ClientBackend loadClient(Path dir, RandomSource random) {
    throw new UnsupportedOperationException("the clear test engine has no key files");
  }

  @Override
  public EncryptionBackend loadEnroller(Path dir, RandomSource random) {
    throw new UnsupportedOperationException("the clear test engine has no key files");
  }

  @Override
  public ServerBackend loadServer(Path dir) {
    throw new UnsupportedOperationException("the clear test engine has no key files");
  }
}
