package org.hersj.fhe.search.backend.ckks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.EvaluationKeys;
import org.hersj.fhe.ckks.GaloisKeys;
import org.hersj.fhe.ckks.PublicKey;
import org.hersj.fhe.ckks.RelinearizationKey;
import org.hersj.fhe.ckks.SecretKey;
import org.hersj.fhe.ckks.io.AtomicFiles;
import org.hersj.fhe.ckks.io.CkksSerializer;
import org.hersj.fhe.ring.RandomSource;

/**
 * Key files of encrypted search in one directory, each a framed, checksummed engine object written
 * atomically: {@value #PARAMETERS}, {@value #SECRET} (owner-only, key owner only), {@value #PUBLIC},
 * {@value #RELINEARIZATION} and, for the Boddeti 2018 baseline, {@value #GALOIS}. The server loads
 * everything except the secret key; give it a copy of the directory without {@value #SECRET}.
 */
public final class CkksKeyFiles {

  /** Parameters file name. */
  public static final String PARAMETERS = "parameters.ckks";
  /** Secret key file name (owner-only). */
  public static final String SECRET = "secret.key";
  /** Public key file name. */
  public static final String PUBLIC = "public.key";
  /** Relinearisation key file name. */
  public static final String RELINEARIZATION = "relinearization.key";
  /** Rotation (Galois) keys file name, present only if rotation keys were generated. */
  public static final String GALOIS = "galois.key";

  private CkksKeyFiles() {
  }

  /** Writes every key of {@code keys} into {@code dir} (created if needed); the secret key owner-only. */
  public static void write(CkksSearchKeys keys, Path dir) throws IOException {
    Files.createDirectories(dir);
    CkksParameters params = keys.parameters();
    CkksSerializer io = new CkksSerializer(params);
    AtomicFiles.write(dir.resolve(PARAMETERS), CkksSerializer.writeParameters(params), false);
    AtomicFiles.write(dir.resolve(SECRET), io.writeSecretKey(keys.secretKey()), true);
    AtomicFiles.write(dir.resolve(PUBLIC), io.writePublicKey(keys.publicKey()), false);
    AtomicFiles.write(dir.resolve(RELINEARIZATION),
        io.writeRelinearizationKey(keys.evaluationKeys().relinearizationKey()), false);
    GaloisKeys galois = keys.evaluationKeys().galoisKeys();
    if (galois != null) {
      AtomicFiles.write(dir.resolve(GALOIS), io.writeGaloisKeys(galois), false);
    } else {
      Files.deleteIfExists(dir.resolve(GALOIS));
    }
  }

  /** The parameters saved in {@code dir}. */
  public static CkksParameters parameters(Path dir) throws IOException {
    Path file = existing(dir, PARAMETERS);
    return CkksSerializer.readParameters(AtomicFiles.read(file), file.toString());
  }

  /**
   * The key owner's backend from {@code dir} (parameters, secret and public key).
   *
   * @param random {@link RandomSource#secure()} outside tests
   */
  public static CkksClientBackend loadClient(Path dir, RandomSource random) throws IOException {
    CkksParameters params = parameters(dir);
    CkksSerializer io = new CkksSerializer(params);
    Path file = existing(dir, SECRET);
    SecretKey sk = io.readSecretKey(AtomicFiles.read(file), file.toString());
    return new CkksClientBackend(params, sk, publicKey(dir, io), random);
  }

  /**
   * A public-key enrollment backend from {@code dir} (parameters and public key only).
   *
   * @param random {@link RandomSource#secure()} outside tests
   */
  public static CkksEncryptionBackend loadEnroller(Path dir, RandomSource random) throws IOException {
    CkksParameters params = parameters(dir);
    return new CkksEncryptionBackend(params, publicKey(dir, new CkksSerializer(params)), random);
  }

  /** The server's backend from {@code dir}: parameters, public key, evaluation keys; never the secret key. */
  public static CkksServerBackend loadServer(Path dir) throws IOException {
    CkksParameters params = parameters(dir);
    CkksSerializer io = new CkksSerializer(params);
    Path relinFile = existing(dir, RELINEARIZATION);
    RelinearizationKey rlk = io.readRelinearizationKey(AtomicFiles.read(relinFile), relinFile.toString());
    Path galoisFile = dir.resolve(GALOIS);
    GaloisKeys galois = Files.exists(galoisFile)
        ? io.readGaloisKeys(AtomicFiles.read(galoisFile), galoisFile.toString()) : null;
    return new CkksServerBackend(params, publicKey(dir, io), new EvaluationKeys(rlk, galois));
  }

  private static PublicKey publicKey(Path dir, CkksSerializer io) throws IOException {
    Path file = existing(dir, PUBLIC);
    return io.readPublicKey(AtomicFiles.read(file), file.toString());
  }

  private static Path existing(Path dir, String name) throws IOException {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new java.nio.file.NoSuchFileException(file.toString(), null,
          "key file missing; run 'hers keygen' to create the key directory");
    }
    return file;
  }
}
