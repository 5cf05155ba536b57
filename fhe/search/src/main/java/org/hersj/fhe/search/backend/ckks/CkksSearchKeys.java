package org.hersj.fhe.search.backend.ckks;

import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.EvaluationKeys;
import org.hersj.fhe.ckks.KeyGenerator;
import org.hersj.fhe.ckks.PublicKey;
import org.hersj.fhe.ckks.SecretKey;
import org.hersj.fhe.ring.RandomSource;

/**
 * The key owner's key set for encrypted search: secret key, public key and evaluation keys
 * (relinearisation, plus rotation keys when the Boddeti 2018 baseline is needed), and the three
 * backends made from them. Only {@link #server()} and {@link #enroller()} may be handed to other
 * parties, and they carry public material only.
 */
public final class CkksSearchKeys {

  private final CkksParameters params;
  private final SecretKey secretKey;
  private final PublicKey publicKey;
  private final EvaluationKeys evaluationKeys;
  private final RandomSource random;

  private CkksSearchKeys(CkksParameters params, SecretKey secretKey, PublicKey publicKey,
      EvaluationKeys evaluationKeys, RandomSource random) {
    this.params = params;
    this.secretKey = secretKey;
    this.publicKey = publicKey;
    this.evaluationKeys = evaluationKeys;
    this.random = random;
  }

  /**
   * Generates a key set.
   *
   * @param random {@link RandomSource#secure()} outside tests
   * @param rotationSteps rotation keys to make (none for HERS; see
   *     {@code Boddeti2018Search.rotationSteps(d)} for the baseline)
   */
  public static CkksSearchKeys generate(CkksParameters params, RandomSource random, int... rotationSteps) {
    KeyGenerator generator = new KeyGenerator(params, random);
    SecretKey sk = generator.secretKey();
    PublicKey pk = generator.publicKey(sk);
    EvaluationKeys ek = new EvaluationKeys(params.supportsKeySwitching() ? generator.relinearizationKey(sk) : null,
        rotationSteps.length == 0 ? null : generator.galoisKeys(sk, rotationSteps));
    return new CkksSearchKeys(params, sk, pk, ek, random.fork());
  }

  /** A key set from keys loaded from files. */
  public static CkksSearchKeys of(CkksParameters params, SecretKey secretKey, PublicKey publicKey,
      EvaluationKeys evaluationKeys, RandomSource random) {
    return new CkksSearchKeys(params, secretKey, publicKey, evaluationKeys, random);
  }

  /** The parameters. */
  public CkksParameters parameters() {
    return params;
  }

  /** The secret key: keep it with the key owner. */
  public SecretKey secretKey() {
    return secretKey;
  }

  /** The public key. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** The evaluation keys for the server. */
  public EvaluationKeys evaluationKeys() {
    return evaluationKeys;
  }

  /** The key owner's backend (encrypts with the secret key, decrypts). */
  public CkksClientBackend client() {
    synchronized (random) {
      return new CkksClientBackend(params, secretKey, publicKey, random.fork());
    }
  }

  /** A public-key enrollment backend. */
  public CkksEncryptionBackend enroller() {
    synchronized (random) {
      return new CkksEncryptionBackend(params, publicKey, random.fork());
    }
  }

  /** The server's backend: public key and evaluation keys only. */
  public CkksServerBackend server() {
    return new CkksServerBackend(params, publicKey, evaluationKeys);
  }

  @Override
  public String toString() {
    return "CkksSearchKeys(" + params + ", secret key <redacted>)";
  }
}
