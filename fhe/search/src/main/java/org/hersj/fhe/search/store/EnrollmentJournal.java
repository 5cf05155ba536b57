package org.hersj.fhe.search.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.zip.CRC32C;

/**
 * Append-only list of durable record indices of an unfinished record file, after a header naming the
 * input the records are made from. The header is a magic number, the length and UTF-8 bytes of the
 * input's identity (for a gallery: size, modification time and SHA-256 of the feature file and of the
 * labels, see {@link RecordFileWriter#open(Path, RecordFileHeader, int, String)}) and a CRC32C of them;
 * a resumed write with another identity is refused, so rows of two inputs are never mixed. Each entry is
 * the index (8 bytes) and a CRC32C of it (4 bytes); on open, a torn last entry is cut off, so only
 * records whose data was forced to disk before their entry was written count as done.
 */
final class EnrollmentJournal implements AutoCloseable {

  private static final int ENTRY_BYTES = 12;
  /** "HRJ2": a journal with an input identity header. */
  private static final int MAGIC = 0x324a5248;

  private final FileChannel channel;
  private final CRC32C crc = new CRC32C();
  private ByteBuffer scratch = ByteBuffer.allocate(ENTRY_BYTES * 64).order(ByteOrder.LITTLE_ENDIAN);

  private EnrollmentJournal(FileChannel channel) {
    this.channel = channel;
  }

  /**
   * Opens (or creates) the journal and sets the bits of the records it lists in {@code done}.
   *
   * @param identity what the records are made from; a journal started from another identity is refused
   * @throws RecordFileException naming the file if the journal was started from another input
   */
  static EnrollmentJournal open(Path file, long recordCount, BitSet done, String identity) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      byte[] header = header(identity);
      long good = readHeader(ch, file, header, identity);
      if (good == 0) {
        ch.truncate(0);
        RecordFileWriter.writeFully(ch, ByteBuffer.wrap(header), 0);
        ch.force(false);
        good = header.length;
      }
      good = readEntries(ch, good, recordCount, done);
      ch.truncate(good);
      ch.position(good);
      return new EnrollmentJournal(ch);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * Checks, without changing it, that an existing journal was started from {@code identity}.
   *
   * @throws RecordFileException naming the file if it was started from another input
   */
  static void requireIdentity(Path file, String identity) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      readHeader(ch, file, header(identity), identity);
    }
  }

  private static byte[] header(String identity) {
    byte[] text = identity.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(12 + text.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(MAGIC).putInt(text.length).put(text);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 4, 4 + text.length);
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /**
   * @return the header's length if the journal starts with {@code expected}, 0 if it holds no complete
   *     header (new, or torn before any record was journaled)
   * @throws RecordFileException if it holds a complete header of another input, or no header at all
   */
  private static long readHeader(FileChannel ch, Path file, byte[] expected, String identity) throws IOException {
    long size = ch.size();
    if (size < 8) {
      return 0;
    }
    ByteBuffer start = read(ch, 0, 8);
    if (start.getInt(0) != MAGIC) {
      throw new RecordFileException(file, "this interrupted enrollment was journaled without the input's"
          + " fingerprint (an older HERS-J), so a resume cannot be checked; delete the gallery directory and enroll"
          + " again");
    }
    int length = start.getInt(4);
    if (length < 0 || 12L + length > size) {
      return 0;
    }
    ByteBuffer stored = read(ch, 0, 12 + length);
    CRC32C crc = new CRC32C();
    crc.update(stored.array(), 4, 4 + length);
    if (stored.getInt(8 + length) != (int) crc.getValue()) {
      return 0;
    }
    if (!java.util.Arrays.equals(stored.array(), expected)) {
      String before = new String(stored.array(), 8, length, StandardCharsets.UTF_8);
      throw new RecordFileException(file, "the interrupted enrollment in this directory was made from another"
          + " input (" + InputIdentity.difference(before, identity) + "); rerun with the same --features and"
          + " --labels, or delete the gallery directory to enroll afresh");
    }
    return expected.length;
  }

  private static long readEntries(FileChannel ch, long from, long recordCount, BitSet done) throws IOException {
    long size = ch.size();
    CRC32C crc = new CRC32C();
    long good = from;
    while (good + ENTRY_BYTES <= size) {
      ByteBuffer entry = read(ch, good, ENTRY_BYTES);
      long index = entry.getLong(0);
      crc.reset();
      crc.update(entry.array(), 0, 8);
      if (entry.getInt(8) != (int) crc.getValue() || index < 0 || index >= recordCount) {
        break;
      }
      done.set(Math.toIntExact(index));
      good += ENTRY_BYTES;
    }
    return good;
  }

  private static ByteBuffer read(FileChannel ch, long at, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining() && ch.read(b, at + b.position()) > 0) {
      // keep reading
    }
    return b;
  }

  /** Appends {@code count} indices and forces them to disk. */
  void append(long[] indices, int count) throws IOException {
    if (scratch.capacity() < count * ENTRY_BYTES) {
      scratch = ByteBuffer.allocate(count * ENTRY_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    }
    scratch.clear();
    for (int i = 0; i < count; i++) {
      int at = i * ENTRY_BYTES;
      scratch.putLong(at, indices[i]);
      crc.reset();
      crc.update(scratch.array(), at, 8);
      scratch.putInt(at + 8, (int) crc.getValue());
    }
    scratch.limit(count * ENTRY_BYTES);
    while (scratch.hasRemaining()) {
      channel.write(scratch);
    }
    channel.force(false);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
