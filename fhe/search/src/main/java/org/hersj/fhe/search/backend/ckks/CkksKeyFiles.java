package org.hersj.fhe.search.backend.ckks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.hersj.fhe.io.Sha256;
import org.hersj.fhe.ckks.Ciphertext;
import org.hersj.fhe.ckks.CkksEncoder;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.ParameterPolicy;
import org.hersj.fhe.ckks.Decryptor;
import org.hersj.fhe.ckks.Encryptor;
import org.hersj.fhe.ckks.EvaluationKeys;
import org.hersj.fhe.ckks.GaloisKeys;
import org.hersj.fhe.ckks.PublicKey;
import org.hersj.fhe.ckks.RelinearizationKey;
import org.hersj.fhe.ckks.SecretKey;
import org.hersj.fhe.io.AtomicFiles;
import org.hersj.fhe.ckks.io.CkksSerializer;
import org.hersj.fhe.ckks.io.ObjectType;
import org.hersj.fhe.ring.RandomSource;

/**
 * Key files of encrypted search in one directory, each a framed, checksummed engine object written
 * atomically: {@value #PARAMETERS}, {@value #SECRET} (owner-only, key owner only), {@value #PUBLIC},
 * {@value #RELINEARIZATION} (absent for parameters without a special prime, which only make degree-2
 * scores) and, for the Boddeti 2018 baseline, {@value #GALOIS}, plus {@value #MANIFEST} listing the
 * SHA-256 of every file of the set (the role copies keep the list), so a corrupted file or one of another
 * key generation is refused; the secret key is also checked against the public key by content when
 * loaded. The server loads everything except the secret key; give it a copy of the directory
 * without {@value #SECRET}. A secret key file accessible by others is refused.
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
  /** Manifest binding the public files of one key generation together: "name sha256" lines. */
  public static final String MANIFEST = "keyset.sha256";

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
    RelinearizationKey rlk = keys.evaluationKeys().relinearizationKey();
    if (rlk != null) {
      AtomicFiles.write(dir.resolve(RELINEARIZATION), io.writeRelinearizationKey(rlk), false);
    } else {
      Files.deleteIfExists(dir.resolve(RELINEARIZATION));
    }
    GaloisKeys galois = keys.evaluationKeys().galoisKeys();
    if (galois != null) {
      AtomicFiles.write(dir.resolve(GALOIS), io.writeGaloisKeys(galois), false);
    } else {
      Files.deleteIfExists(dir.resolve(GALOIS));
    }
    StringBuilder manifest = new StringBuilder();
    for (String name : new String[] {PARAMETERS, SECRET, PUBLIC, RELINEARIZATION, GALOIS}) {
      if (Files.exists(dir.resolve(name))) {
        manifest.append(name).append(' ').append(Sha256.hex(AtomicFiles.read(dir.resolve(name)))).append('\n');
      }
    }
    AtomicFiles.write(dir.resolve(MANIFEST), manifest.toString().getBytes(StandardCharsets.UTF_8), false);
  }

  /** The parameters saved in {@code dir}; parameters marked insecure are refused. */
  public static CkksParameters parameters(Path dir) throws IOException {
    return parameters(dir, ParameterPolicy.SECURE_ONLY);
  }

  /** The parameters saved in {@code dir}, accepted as {@code policy} says. */
  public static CkksParameters parameters(Path dir, ParameterPolicy policy) throws IOException {
    Path file = existing(dir, PARAMETERS);
    return CkksSerializer.readParameters(readListed(dir, PARAMETERS), file.toString(), policy);
  }

  /**
   * The key owner's backend from {@code dir} (parameters, secret and public key).
   *
   * @param random {@link RandomSource#secure()} outside tests
   */
  public static CkksClientBackend loadClient(Path dir, RandomSource random) throws IOException {
    return loadClient(dir, random, ParameterPolicy.SECURE_ONLY);
  }

  /** As {@link #loadClient(Path, RandomSource)}, accepting the saved parameters as {@code policy} says. */
  public static CkksClientBackend loadClient(Path dir, RandomSource random, ParameterPolicy policy)
      throws IOException {
    CkksParameters params = parameters(dir, policy);
    CkksSerializer io = new CkksSerializer(params);
    Path file = existing(dir, SECRET);
    requireOwnerOnly(file);
    byte[] secretBytes = AtomicFiles.read(file);
    requireListedIfPresent(dir, SECRET, secretBytes);
    SecretKey sk;
    try {
      sk = io.readSecretKey(secretBytes, file.toString());
    } catch (RuntimeException e) {
      throw new IOException(file + " is corrupted or from another key set (" + e.getMessage() + "); restore the"
          + " key directory written by 'hers keygen'", e);
    }
    PublicKey pk = publicKey(dir, io);
    requireKeyPair(params, sk, pk, file, random);
    return new CkksClientBackend(params, sk, pk, random);
  }

  /**
   * A public-key enrollment backend from {@code dir} (parameters and public key only).
   *
   * @param random {@link RandomSource#secure()} outside tests
   */
  public static CkksEncryptionBackend loadEnroller(Path dir, RandomSource random) throws IOException {
    return loadEnroller(dir, random, ParameterPolicy.SECURE_ONLY);
  }

  /** As {@link #loadEnroller(Path, RandomSource)}, accepting the saved parameters as {@code policy} says. */
  public static CkksEncryptionBackend loadEnroller(Path dir, RandomSource random, ParameterPolicy policy)
      throws IOException {
    CkksParameters params = parameters(dir, policy);
    return new CkksEncryptionBackend(params, publicKey(dir, new CkksSerializer(params)), random);
  }

  /**
   * The server's backend from {@code dir}: parameters, public key, evaluation keys; never the secret key.
   * Refuses a directory (or a file) holding a secret key under any name: every file's frame header is read.
   */
  public static CkksServerBackend loadServer(Path dir) throws IOException {
    return loadServer(dir, ParameterPolicy.SECURE_ONLY);
  }

  /** As {@link #loadServer(Path)}, accepting the saved parameters as {@code policy} says. */
  public static CkksServerBackend loadServer(Path dir, ParameterPolicy policy) throws IOException {
    requireNoSecretKey(dir);
    CkksParameters params = parameters(dir, policy);
    CkksSerializer io = new CkksSerializer(params);
    RelinearizationKey rlk = null;
    if (params.supportsKeySwitching()) {
      Path relinFile = existing(dir, RELINEARIZATION);
      rlk = io.readRelinearizationKey(readListed(dir, RELINEARIZATION), relinFile.toString());
    }
    Path galoisFile = dir.resolve(GALOIS);
    GaloisKeys galois = Files.exists(galoisFile)
        ? io.readGaloisKeys(readListed(dir, GALOIS), galoisFile.toString()) : null;
    return new CkksServerBackend(params, publicKey(dir, io), new EvaluationKeys(rlk, galois));
  }

  /** The object type in the frame header of {@code file}, or null when the file does not start with a frame. */
  public static ObjectType frameType(Path file) throws IOException {
    byte[] head = new byte[CkksSerializer.TYPE_PROBE_BYTES];
    int read;
    try (var in = Files.newInputStream(file)) {
      read = in.readNBytes(head, 0, head.length);
    }
    return read == head.length ? CkksSerializer.frameType(head) : null;
  }

  /**
   * Refuses {@code path} (a key directory or a single file) if any regular file in it is a framed secret
   * key, by content (the type in the frame header), whatever its name.
   *
   * @throws IOException naming the file and what to give the server instead
   */
  public static void requireNoSecretKey(Path path) throws IOException {
    List<Path> files;
    if (Files.isDirectory(path)) {
      try (var listing = Files.list(path)) {
        files = listing.filter(Files::isRegularFile).toList();
      }
    } else {
      files = Files.isRegularFile(path) ? List.of(path) : List.of();
    }
    for (Path file : files) {
      if (frameType(file) == ObjectType.SECRET_KEY) {
        throw new IOException("refusing server-side use of " + path + ": " + file + " holds a secret key (by its"
            + " content, whatever its name); the server must never hold it: give it KEYDIR/server only");
      }
    }
  }

  private static PublicKey publicKey(Path dir, CkksSerializer io) throws IOException {
    Path file = existing(dir, PUBLIC);
    return io.readPublicKey(readListed(dir, PUBLIC), file.toString());
  }

  /**
   * Checks on load that the secret key belongs to the public key, by content: a value encrypted with the
   * public key must decrypt with the secret key to itself (error ~1e-6; another key's decryption is noise of
   * the size of the modulus), so a secret key of another key generation is never used to decrypt.
   */
  private static void requireKeyPair(CkksParameters params, SecretKey sk, PublicKey pk, Path file,
      RandomSource random) throws IOException {
    CkksEncoder encoder = new CkksEncoder(params);
    double[] values = new double[params.slots()];
    java.util.Arrays.fill(values, 0.5);
    Ciphertext ct = Encryptor.withPublicKey(params, pk, random.fork())
        .encryptNew(encoder.encodeNew(values, params.maxLevel(), params.defaultScale()));
    double[] back = encoder.decode(new Decryptor(params, sk).decryptNew(ct));
    double worst = 0;
    for (int i = 0; i < values.length; i++) {
      worst = Math.max(worst, Math.abs(back[i] - values[i]));
    }
    if (!(worst < KEY_PAIR_TOLERANCE)) {
      throw new IOException(file + " is not the secret key of the public key in " + file.getParent()
          + " (a test encryption decrypts with error " + worst + "): it is corrupted or from another key set;"
          + " restore the client directory written by 'hers keygen'");
    }
  }

  /** Largest error of the key-pair test decryption (fresh public-key noise: ~1e-6 at the search presets, below 1e-2 at the LITE ones). */
  private static final double KEY_PAIR_TOLERANCE = 0.1;

  /** Checks a file against its manifest line if the manifest has one (key sets before 0.2 did not list the secret key). */
  private static void requireListedIfPresent(Path dir, String name, byte[] bytes) throws IOException {
    Path manifestFile = existing(dir, MANIFEST);
    for (String line : Files.readAllLines(manifestFile, StandardCharsets.UTF_8)) {
      if (line.startsWith(name + " ") && !line.substring(name.length() + 1).trim().equals(Sha256.hex(bytes))) {
        throw new IOException(dir.resolve(name) + " is corrupted or from another key set: its SHA-256 does not match"
            + " " + manifestFile + "; restore the key directory written by 'hers keygen' (all its files together)");
      }
    }
  }

  /**
   * Reads a public key file and checks it belongs to the same key generation as the others (listed
   * with its hash in {@value #MANIFEST}); this catches key files mixed from different runs of keygen.
   */
  private static byte[] readListed(Path dir, String name) throws IOException {
    Path file = existing(dir, name);
    byte[] bytes = AtomicFiles.read(file);
    Path manifestFile = existing(dir, MANIFEST);
    String expected = null;
    for (String line : Files.readAllLines(manifestFile, StandardCharsets.UTF_8)) {
      if (line.startsWith(name + " ")) {
        expected = line.substring(name.length() + 1).trim();
      }
    }
    if (expected == null || !expected.equals(Sha256.hex(bytes))) {
      throw new IOException(file + " is corrupted or from another key set: its SHA-256 does not match "
          + manifestFile + "; restore the key directory written by 'hers keygen' (all its files together)");
    }
    return bytes;
  }

  /** Refuses a secret key file that others than its owner can read or write (POSIX file systems). */
  private static void requireOwnerOnly(Path file) throws IOException {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
    for (PosixFilePermission p : perms) {
      if (p != PosixFilePermission.OWNER_READ && p != PosixFilePermission.OWNER_WRITE) {
        throw new IOException("secret key file " + file + " is accessible by others (" 
            + PosixFilePermissions.toString(perms) + "); restrict it with 'chmod 600 " + file + "'");
      }
    }
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
