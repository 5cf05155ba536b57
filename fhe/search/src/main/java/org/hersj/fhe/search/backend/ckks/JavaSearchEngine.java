package org.hersj.fhe.search.backend.ckks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ckks.ParameterPolicy;
import org.hersj.fhe.ckks.io.ObjectType;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.engine.KeyRole;
import org.hersj.fhe.search.engine.SearchEngine;
import org.hersj.fhe.search.engine.SearchKeySet;
import org.hersj.fhe.search.layout.LayoutKind;

/**
 * HERS-J's pure-Java RNS-CKKS engine behind the engine SPI ({@code fhe.backend: java}), registered in this
 * module's {@code META-INF/services}. Galleries default to two items per complex slot.
 */
public final class JavaSearchEngine implements SearchEngine {

  /** The engine's name in configurations and on the command line. */
  public static final String NAME = "java";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public LayoutKind hersLayout() {
    return LayoutKind.HERS_COMPLEX;
  }

  @Override
  public SearchKeySet generateKeys(CkksParametersLiteral parameters, RandomSource random, int... rotationSteps) {
    return new JavaSearchKeySet(CkksSearchKeys.generate(CkksParameters.of(parameters), random, rotationSteps));
  }

  @Override
  public void writeKeys(SearchKeySet keys, Path dir) throws IOException {
    if (!(keys instanceof JavaSearchKeySet java)) {
      throw new IllegalArgumentException("a key set " + keys + " is not one of engine '" + NAME + "'");
    }
    CkksKeyFiles.write(java.keys(), dir);
  }

  @Override
  public boolean holdsKeys(Path dir) {
    return Files.isRegularFile(dir.resolve(CkksKeyFiles.PARAMETERS));
  }

  @Override
  public ClientBackend loadClient(Path dir, RandomSource random) throws IOException {
    return CkksKeyFiles.loadClient(dir, random);
  }

  @Override
  public EncryptionBackend loadEnroller(Path dir, RandomSource random) throws IOException {
    return CkksKeyFiles.loadEnroller(dir, random);
  }

  @Override
  public ServerBackend loadServer(Path dir) throws IOException {
    return CkksKeyFiles.loadServer(dir);
  }

  @Override
  public ClientBackend loadClient(Path dir, RandomSource random, ParameterPolicy policy) throws IOException {
    return CkksKeyFiles.loadClient(dir, random, policy);
  }

  @Override
  public EncryptionBackend loadEnroller(Path dir, RandomSource random, ParameterPolicy policy) throws IOException {
    return CkksKeyFiles.loadEnroller(dir, random, policy);
  }

  @Override
  public ServerBackend loadServer(Path dir, ParameterPolicy policy) throws IOException {
    return CkksKeyFiles.loadServer(dir, policy);
  }

  /**
   * By the object type in the file's frame, whatever the file is called: a secret key for the key owner only,
   * relinearisation and rotation keys also for the server, parameters and the public key for every role; a file
   * without a frame (the key-set manifest of SHA-256 sums) goes to every role.
   */
  @Override
  public Set<KeyRole> rolesOf(Path file) throws IOException {
    ObjectType type = CkksKeyFiles.frameType(file);
    if (type == null) {
      return EnumSet.allOf(KeyRole.class);
    }
    return switch (type) {
      case SECRET_KEY -> EnumSet.of(KeyRole.CLIENT);
      case RELINEARIZATION_KEY, GALOIS_KEYS -> EnumSet.of(KeyRole.CLIENT, KeyRole.SERVER);
      case PARAMETERS, PUBLIC_KEY -> EnumSet.allOf(KeyRole.class);
      case PLAINTEXT, CIPHERTEXT -> throw new IOException(file + " holds a " + type + ", not a key; a key directory"
          + " holds only what 'hers keygen' wrote");
    };
  }

  @Override
  public String toString() {
    return "SearchEngine[" + NAME + "]";
  }
}
