package org.hersj.fhe.search.backend.ckks;

import org.hersj.fhe.ckks.CkksEncoder;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.Encryptor;
import org.hersj.fhe.ckks.Plaintext;
import org.hersj.fhe.ckks.PublicKey;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.EncryptionBackend;

/**
 * Encrypts probes and gallery columns at the top level and the default scale with the public key, so
 * anyone holding it may enroll. One instance per thread ({@link #newWorker()} forks the randomness).
 */
public class CkksEncryptionBackend extends CkksBackendBase implements EncryptionBackend {

  private final PublicKey publicKey;
  private final RandomSource random;
  final CkksEncoder encoder;
  private final Encryptor encryptor;
  private final Plaintext plaintext;

  /**
   * A public-key encryption backend.
   *
   * @param random {@link RandomSource#secure()} outside tests
   */
  public CkksEncryptionBackend(CkksParameters params, PublicKey publicKey, RandomSource random) {
    this(params, publicKey, random, Encryptor.withPublicKey(params, publicKey, random));
  }

  CkksEncryptionBackend(CkksParameters params, PublicKey publicKey, RandomSource random, Encryptor encryptor) {
    super(params, publicKey);
    this.publicKey = publicKey;
    this.random = random;
    this.encoder = new CkksEncoder(params);
    this.encryptor = encryptor;
    this.plaintext = new Plaintext(params, params.maxLevel(), params.defaultScale());
  }

  /** An independent stream for a new worker (the parent stream is not thread-safe). */
  final RandomSource forkRandom() {
    synchronized (random) {
      return random.fork();
    }
  }

  final PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public void encryptReplicated(double value, BackendCiphertext out) {
    encoder.encodeConstant(value, freshLevel(), params.defaultScale(), plaintext);
    encryptor.encrypt(plaintext, CkksCiphertext.of(out).ct);
  }

  @Override
  public void encryptColumn(double[] values, BackendCiphertext out) {
    encoder.encode(values, freshLevel(), params.defaultScale(), plaintext);
    encryptor.encrypt(plaintext, CkksCiphertext.of(out).ct);
  }

  @Override
  public void encryptColumnPairs(double[] values, BackendCiphertext out) {
    encoder.encodeComplex(values, freshLevel(), params.defaultScale(), plaintext);
    encryptor.encrypt(plaintext, CkksCiphertext.of(out).ct);
  }

  @Override
  public EncryptionBackend newWorker() {
    return new CkksEncryptionBackend(params, publicKey, forkRandom());
  }
}
