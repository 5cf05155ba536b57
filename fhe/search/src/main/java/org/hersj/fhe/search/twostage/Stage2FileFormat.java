package org.hersj.fhe.search.twostage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hersj.fhe.io.Sha256;
import org.hersj.fhe.io.AtomicFiles;
import org.hersj.fhe.io.Envelope;
import org.hersj.fhe.search.store.RecordFileException;

/**
 * The framing shared by the stage-2 request and response files: an {@link Envelope} (no header fields;
 * the body is big-endian, as it always was), written atomically with {@link AtomicFiles}. Files of release
 * 0.1.0 have the older frame (a 4-byte magic, a format version, the body, and a SHA-256 of everything
 * before it) and are still read: {@link #readBody} dispatches on which frame the file starts with and
 * reports the format version, so a reader checks it against the versions it knows. Reading refuses a
 * wrong magic, a newer major, a damaged or modified file (digest) and, with {@link #requireConsumed}, a
 * body that was not read exactly.
 */
final class Stage2FileFormat {

  static final int DIGEST_BYTES = 32;
  private static final int FRAME_V1_BYTES = 2 * Integer.BYTES + DIGEST_BYTES;

  /** A checked body and the format version of the file it came from (the old frame's or the envelope's major). */
  record Body(int version, ByteBuffer buffer) {
  }

  private Stage2FileFormat() {
  }

  /** The file bytes of {@code body} in {@code format}'s envelope. */
  static byte[] frame(Envelope.Format format, byte[] body) {
    return Envelope.wrap(format, new byte[0], body);
  }

  /** The file bytes of {@code body} in the frame of release 0.1.0 (what a 0.1.0 response's request digest hashes). */
  static byte[] frameV1(int magic, int version, byte[] body) {
    ByteBuffer out = ByteBuffer.allocate(FRAME_V1_BYTES + body.length);
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
   * Reads {@code file} in {@code format}'s envelope or in the 0.1.0 frame with {@code oldMagic}, checks it and
   * returns the body with its format version.
   *
   * @param what the file's role in messages, e.g. "stage-2 request"
   * @throws RecordFileException naming the file and what is wrong
   */
  static Body readBody(Path file, Envelope.Format format, int oldMagic, String what, String writer)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new RecordFileException(file, "no such " + what + " file; write it with " + writer);
    }
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length >= Integer.BYTES && ByteBuffer.wrap(bytes).getInt() == oldMagic) {
      return readBodyV1(file, bytes, what, writer);
    }
    Envelope e = Envelope.read(bytes, format, String.valueOf(file.getFileName()),
        m -> new RecordFileException(file, m.endsWith("write it again") ? m + " with " + writer : m));
    return new Body(e.major(), e.body().order(ByteOrder.BIG_ENDIAN));
  }

  private static Body readBodyV1(Path file, byte[] bytes, String what, String writer) throws RecordFileException {
    if (bytes.length < FRAME_V1_BYTES) {
      throw new RecordFileException(file, "is " + bytes.length + " bytes, too short for a " + what
          + " file: truncated or not such a file");
    }
    byte[] digest = sha256(bytes, bytes.length - DIGEST_BYTES);
    if (!Arrays.equals(digest, Arrays.copyOfRange(bytes, bytes.length - DIGEST_BYTES, bytes.length))) {
      throw new RecordFileException(file, "fails its SHA-256 check: the " + what
          + " file was truncated, damaged or modified; write it again with " + writer);
    }
    int version = ByteBuffer.wrap(bytes).getInt(Integer.BYTES);
    return new Body(version, ByteBuffer.wrap(bytes, 2 * Integer.BYTES, bytes.length - FRAME_V1_BYTES).slice());
  }

  /** Fails unless {@code version} is one of {@code readable}. */
  static void requireVersion(Body body, Path file, String what, String writer, int... readable)
      throws RecordFileException {
    if (Arrays.stream(readable).noneMatch(v -> v == body.version())) {
      throw new RecordFileException(file, "is a " + what + " file of format version " + body.version()
          + "; this HERS-J reads versions " + Arrays.toString(readable) + ": write it again with " + writer);
    }
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
