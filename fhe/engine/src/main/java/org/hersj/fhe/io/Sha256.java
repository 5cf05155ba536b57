package org.hersj.fhe.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the project's one digest: checksums of files and frames, key and parameter fingerprints, input
 * hashes in provenance. A checksum catches accidents (truncation, bit rot, a file of another key set), not
 * an attacker, who can recompute it.
 */
public final class Sha256 {

  /** Bytes of a digest. */
  public static final int BYTES = 32;

  private Sha256() {
  }

  /** A fresh digest (every JDK has SHA-256; its absence is a broken JDK). */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK offers no SHA-256", e);
    }
  }

  /** The digest of {@code bytes[offset, offset + length)}. */
  public static byte[] of(byte[] bytes, int offset, int length) {
    MessageDigest digest = newDigest();
    digest.update(bytes, offset, length);
    return digest.digest();
  }

  /** The digest of {@code bytes}. */
  public static byte[] of(byte[] bytes) {
    return newDigest().digest(bytes);
  }

  /** The lower-case hex digest of {@code bytes}. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(of(bytes));
  }

  /** The lower-case hex digest of a file's content, streamed (any size). */
  public static String hexOfFile(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return hexOf(in);
    }
  }

  /** The lower-case hex digest of everything {@code in} yields, streamed (the caller closes it). */
  public static String hexOf(InputStream in) throws IOException {
    MessageDigest digest = newDigest();
    byte[] buffer = new byte[1 << 16];
    for (int n; (n = in.read(buffer)) > 0; ) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
