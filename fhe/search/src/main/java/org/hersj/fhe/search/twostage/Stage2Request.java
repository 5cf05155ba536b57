package org.hersj.fhe.search.twostage;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.hersj.fhe.io.Envelope;
import org.hersj.fhe.search.store.RecordFileException;

/**
 * What the key owner sends the server after decrypting stage 1: the K candidate item indices of one
 * probe (stage 1's top K, best first), bound to the gallery size and the keys of the search. Stored as a
 * small versioned binary file ({@link #write}, {@link #read}) with a SHA-256 over its content; holds no
 * ciphertext and no secret.
 *
 * @param galleryItems   items of the searched gallery (stage 1's and stage 2's galleries list the same items)
 * @param keyFingerprint fingerprint of the key set stage 1 was searched under; the server's must match
 * @param candidates     candidate item indices in the order sent (duplicates allowed; stage 2 scores each once)
 */
public record Stage2Request(long galleryItems, String keyFingerprint, long[] candidates) {

  /** Current format version of the file: envelope major 2; version 1 is the "HS2Q" frame of 0.1.0, still read. */
  public static final int VERSION = 2;
  static final Envelope.Format FORMAT = new Envelope.Format("HERS-J stage-2 request", "HJS2REQU", VERSION, 0,
      Envelope.BodyCheck.SHA256);
  static final int MAGIC_V1 = 0x48533251; // "HS2Q"
  private static final String WHAT = "stage-2 request";
  private static final String WRITER = "'hers rank --stage2-request'";

  /** Checks the fields. */
  public Stage2Request {
    if (galleryItems < 1) {
      throw new IllegalArgumentException("a stage-2 request needs a gallery of at least one item, got " + galleryItems);
    }
    if (keyFingerprint == null || keyFingerprint.isBlank()) {
      throw new IllegalArgumentException("a stage-2 request needs the key fingerprint of its search");
    }
    if (candidates == null || candidates.length == 0) {
      throw new IllegalArgumentException("a stage-2 request needs at least one candidate");
    }
    candidates = candidates.clone();
    for (long c : candidates) {
      if (c < 0 || c >= galleryItems) {
        throw new IllegalArgumentException("candidate " + c + " is outside the gallery's items 0.."
            + (galleryItems - 1));
      }
    }
  }

  /**
   * A request for the candidates {@code bestFirst} (stage 1's ranking) in a uniformly random order
   * (Fisher-Yates with {@link SecureRandom}), so the file tells the server which items are candidates
   * but not how stage 1 ranked them.
   */
  public static Stage2Request inRandomOrder(long galleryItems, String keyFingerprint, long[] bestFirst) {
    long[] shuffled = bestFirst.clone();
    SecureRandom random = new SecureRandom();
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    return new Stage2Request(galleryItems, keyFingerprint, shuffled);
  }

  @Override
  public long[] candidates() {
    return candidates.clone();
  }

  /** The file's bytes (framed, with its digest). */
  public byte[] encode() {
    return Stage2FileFormat.frame(FORMAT, body());
  }

  private byte[] body() {
    ByteBuffer body = ByteBuffer.allocate(Long.BYTES + Stage2FileFormat.stringBytes(keyFingerprint) + Integer.BYTES
        + candidates.length * Long.BYTES);
    body.putLong(galleryItems);
    Stage2FileFormat.putString(body, keyFingerprint);
    body.putInt(candidates.length);
    for (long c : candidates) {
      body.putLong(c);
    }
    return body.array();
  }

  /** SHA-256 of the file's bytes, which a {@link Stage2ResponseFile} records to say what it answers. */
  public byte[] digest() {
    byte[] bytes = encode();
    return Stage2FileFormat.sha256(bytes, bytes.length);
  }

  /** SHA-256 of the request as release 0.1.0 wrote it: what a response of format 2 records. */
  byte[] digestV1() {
    byte[] bytes = Stage2FileFormat.frameV1(MAGIC_V1, 1, body());
    return Stage2FileFormat.sha256(bytes, bytes.length);
  }

  /** Writes the request to {@code file} atomically (temporary name, then rename). */
  public void write(Path file) throws IOException {
    Stage2FileFormat.writeAtomically(file, encode());
  }

  /**
   * Reads a request written by {@link #write}.
   *
   * @throws RecordFileException naming the file if it is missing, truncated, modified, of another format
   *     version or holds impossible values
   */
  public static Stage2Request read(Path file) throws IOException {
    Stage2FileFormat.Body read = Stage2FileFormat.readBody(file, FORMAT, MAGIC_V1, WHAT, WRITER);
    Stage2FileFormat.requireVersion(read, file, WHAT, WRITER, 1, VERSION);
    ByteBuffer body = read.buffer();
    try {
      long items = body.getLong();
      String fingerprint = Stage2FileFormat.getString(body, file);
      int count = body.getInt();
      if (count < 1 || (long) count * Long.BYTES > body.remaining()) {
        throw new RecordFileException(file, "says it holds " + count + " candidates but has room for "
            + body.remaining() / Long.BYTES);
      }
      long[] candidates = new long[count];
      for (int i = 0; i < count; i++) {
        candidates[i] = body.getLong();
      }
      Stage2FileFormat.requireConsumed(body, file, WHAT);
      return new Stage2Request(items, fingerprint, candidates);
    } catch (BufferUnderflowException e) {
      throw Stage2FileFormat.shortBody(file, WHAT, e);
    } catch (IllegalArgumentException e) {
      throw new RecordFileException(file, e.getMessage());
    }
  }
}
