package org.hersj.fhe.search.backend.ckks;

import org.hersj.fhe.ckks.Ciphertext;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.Decryptor;
import org.hersj.fhe.ckks.Encryptor;
import org.hersj.fhe.ckks.Evaluator;
import org.hersj.fhe.ckks.NoiseFlooding;
import org.hersj.fhe.ckks.Plaintext;
import org.hersj.fhe.ckks.PublicKey;
import org.hersj.fhe.ckks.ScoreNoise;
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
  private final Evaluator keyless;
  private final Ciphertext product;
  private final Ciphertext rescaled;
  private final NoiseFlooding flooding;

  /**
   * A client backend that floods the noise of every decryption ({@link NoiseFlooding#DEFAULT_BITS} bits).
   *
   * @param random {@link RandomSource#secure()} outside tests
   */
  public CkksClientBackend(CkksParameters params, SecretKey secretKey, PublicKey publicKey, RandomSource random) {
    this(params, secretKey, publicKey, random, flooding(params, publicKey, NoiseFlooding.DEFAULT_BITS, random.fork()));
  }

  private CkksClientBackend(CkksParameters params, SecretKey secretKey, PublicKey publicKey, RandomSource random,
      NoiseFlooding flooding) {
    super(params, publicKey, random, Encryptor.withSecretKey(params, secretKey, random));
    this.flooding = flooding;
    this.secretKey = secretKey;
    this.decryptor = new Decryptor(params, secretKey);
    this.decrypted = new Plaintext(params, params.maxLevel(), params.defaultScale());
    this.keyless = new Evaluator(params, null);
    this.product = new Ciphertext(params, 1, params.maxLevel(), params.defaultScale());
    this.rescaled = new Ciphertext(params, 1, params.maxLevel(), params.defaultScale());
  }

  /**
   * Decrypts with s (and s^2 for degree 2). A product that was not rescaled (scale above the default
   * one, as in the degree-2 score form) is decoded as it is over two primes (the encoder's two-limb
   * decoding), unless it has more primes or the flooding would not fit its scale
   * ({@link NoiseFlooding#fitsScale}); then it is rescaled here as a plaintext: its value is put in a
   * (m, 0) ciphertext, rescaled by the last prime with the keyless evaluator and decrypted again, so the
   * rounding error is not multiplied by s^2.
   */
  @Override
  public void decrypt(BackendCiphertext handle, double[] out) {
    encoder.decode(decryptToPlaintext(handle), flooding, out);
  }

  /** As {@link #decrypt}, reading both halves of every complex slot. */
  @Override
  public void decryptPairs(BackendCiphertext handle, double[] out) {
    encoder.decodeComplex(decryptToPlaintext(handle), flooding, out);
  }

  private Plaintext decryptToPlaintext(BackendCiphertext handle) {
    Ciphertext ct = CkksCiphertext.of(handle).ct;
    decryptor.decrypt(ct, decrypted);
    // A degree-2 score over two primes is decoded as it is (the encoder's two-limb decoding), which is cheaper
    // than rescaling it first; over more primes, or when more flooding bits than fit its scale were asked
    // for, it is rescaled to one prime fewer.
    boolean unrescaled = ct.level() > 0 && ct.scale() > 2 * params.defaultScale();
    if (unrescaled && (ct.level() > 1 || (flooding != null && !flooding.fitsScale(ct.scale(), ct.level())))) {
      product.reset(1, ct.level(), ct.scale());
      product.poly(0).copyFrom(decrypted.poly(), ct.level() + 1);
      product.poly(1).clear();
      keyless.rescale(product, rescaled);
      decryptor.decrypt(rescaled, decrypted);
    }
    return decrypted;
  }

  /** Secret-key ciphertexts carry the seed of their uniform half: stored seeded, half the bytes. */
  @Override
  public boolean seedsCiphertexts() {
    return true;
  }

  @Override
  public CkksClientBackend newWorker() {
    return new CkksClientBackend(params, secretKey, publicKey(), forkRandom(),
        flooding == null ? null : flooding.fork());
  }

  /**
   * The same key owner with noise flooding of {@code bits} bits, or none when {@code bits} is negative
   * (exact decryptions, for experiments and precision tests; never for values that leave the key owner).
   */
  public CkksClientBackend withNoiseFlooding(int bits) {
    return new CkksClientBackend(params, secretKey, publicKey(), forkRandom(),
        bits < 0 ? null : flooding(params, publicKey(), bits, forkRandom()));
  }

  private static NoiseFlooding flooding(CkksParameters params, PublicKey publicKey, int bits, RandomSource random) {
    return new NoiseFlooding(params, ScoreNoise.of(params).forPublicKey(publicKey), bits, random);
  }

  @Override
  public CkksClientBackend withoutNoiseFlooding() {
    return withNoiseFlooding(-1);
  }

  /** @return the standard deviation flooding adds to each decoded value (0 without flooding) */
  double floodingStandardDeviation() {
    return flooding == null ? 0 : flooding.slotErrorStandardDeviation();
  }

  @Override
  public String noiseFlooding() {
    return flooding == null ? "off" : "2^" + flooding.bits() + " x estimated noise (decoded values perturbed by "
        + String.format(java.util.Locale.ROOT, "%.2g", flooding.slotErrorStandardDeviation())
        + " standard deviation)";
  }

  @Override
  public String toString() {
    return "CkksClientBackend(" + params + ", secret key <redacted>)";
  }
}
