package org.hersj.fhe.search.twostage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hersj.fhe.io.Sha256;
import org.hersj.fhe.io.AtomicFiles;
import org.hersj.fhe.search.store.RecordFileException;

/**
 * The framing shared by the stage-2 request and response files: a 4-byte magic, a format version, the
 * body, and a SHA-256 of everything before it, written atomically (temporary name in the same directory,
 * forced to disk, renamed). Reading checks the magic, the version, the digest (a damaged or modified
 * file is refused) and that the body was read exactly (a truncated or padded one is refused).
 */
final class Stage2FileFormat {

  static final int DIGEST_BYTES = 32;
  private static final int FRAME_BYTES = 2 * Integer.BYTES + DIGEST_BYTES;

  private Stage2FileFormat() {
  }

  /** Frames {@code body} with {@code magic}, {@code version} and the digest; returns the file bytes. */
  static byte[] frame(int magic, int version, byte[] body) {
    ByteBuffer out = ByteBuffer.allocate(FRAME_BYTES + body.length);
    out.putInt(magic).putInt(version).put(body);
    out.put(sha256(out.array(), out.position()));
    return out.array();
  }

  /** Writes {@code bytes} to {@code file} atomically (creating its directory), with {@link AtomicFiles}. */
  static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try {
      AtomicFiles.write(file, bytes, false);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Reads {@code file}, checks magic, version and digest, and returns the body.
   *
   * @param what the file's role in messages, e.g. "stage-2 request"
   * @throws RecordFileException naming the file and what is wrong
   */
  static ByteBuffer readBody(Path file, int magic, int version, String what, String writer) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new RecordFileException(file, "no such " + what + " file; write it with " + writer);
    }
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length < FRAME_BYTES) {
      throw new RecordFileException(file, "is " + bytes.length + " bytes, too short for a " + what
          + " file: truncated or not such a file");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (in.getInt() != magic) {
      throw new RecordFileException(file, "is not a " + what + " file (wrong magic number); pass the file "
          + writer + " wrote");
    }
    int found = in.getInt();
    byte[] digest = sha256(bytes, bytes.length - DIGEST_BYTES);
    if (!Arrays.equals(digest, Arrays.copyOfRange(bytes, bytes.length - DIGEST_BYTES, bytes.length))) {
      throw new RecordFileException(file, "fails its SHA-256 check: the " + what
          + " file was truncated, damaged or modified; write it again with " + writer);
    }
    if (found != version) {
      throw new RecordFileException(file, "is a " + what + " file of format version " + found
          + "; this HERS-J reads only version " + version + ": write it again with " + writer);
    }
    return ByteBuffer.wrap(bytes, 2 * Integer.BYTES, bytes.length - FRAME_BYTES).slice();
  }

  /** Fails unless {@code body} was consumed exactly. */
  static void requireConsumed(ByteBuffer body, Path file, String what) throws RecordFileException {
    if (body.hasRemaining()) {
      throw new RecordFileException(file, "has " + body.remaining() + " unexpected bytes after the " + what
          + " fields");
    }
  }

  /** Wraps a read past the body's end (a body shorter than its own counts say). */
  static RecordFileException shortBody(Path file, String what, BufferUnderflowException e) {
    return new RecordFileException(file, "ends before the " + what + " fields its counts promise");
  }

  static void putString(ByteBuffer out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.putInt(b.length).put(b);
  }

  static String getString(ByteBuffer in, Path file) throws RecordFileException {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new RecordFileException(file, "holds a text field of " + n + " bytes, more than the file has");
    }
    byte[] b = new byte[n];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  static int stringBytes(String s) {
    return Integer.BYTES + s.getBytes(StandardCharsets.UTF_8).length;
  }

  static byte[] sha256(byte[] bytes, int length) {
    return Sha256.of(bytes, 0, length);
  }
}
