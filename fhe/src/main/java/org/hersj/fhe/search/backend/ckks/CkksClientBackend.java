package org.hersj.fhe.search.backend.ckks;

import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.Decryptor;
import org.hersj.fhe.ckks.Encryptor;
import org.hersj.fhe.ckks.Plaintext;
import org.hersj.fhe.ckks.PublicKey;
import org.hersj.fhe.ckks.SecretKey;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.ClientBackend;

/**
 * The key owner's CKKS backend: encrypts with the secret key (smaller fresh noise than public-key
 * encryption) and decrypts scores of degree 1 or 2 (the latter with s and s^2). The public key is only
 * used to identify the key pair. One instance per thread.
 */
public final class CkksClientBackend extends CkksEncryptionBackend implements ClientBackend {

  private final SecretKey secretKey;
  private final Decryptor decryptor;
  private final Plaintext decrypted;

  /**
   * A client backend.
   *
   * @param random {@link RandomSource#secure()} outside tests
   */
  public CkksClientBackend(CkksParameters params, SecretKey secretKey, PublicKey publicKey, RandomSource random) {
    super(params, publicKey, random, Encryptor.withSecretKey(params, secretKey, random));
    this.secretKey = secretKey;
    this.decryptor = new Decryptor(params, secretKey);
    this.decrypted = new Plaintext(params, params.maxLevel(), params.defaultScale());
  }

  @Override
  public void decrypt(BackendCiphertext ct, double[] out) {
    decryptor.decrypt(CkksCiphertext.of(ct).ct, decrypted);
    encoder.decode(decrypted, out);
  }

  @Override
  public CkksClientBackend newWorker() {
    return new CkksClientBackend(params, secretKey, publicKey(), forkRandom());
  }

  @Override
  public String toString() {
    return "CkksClientBackend(" + params + ", secret key <redacted>)";
  }
}
