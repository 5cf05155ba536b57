package org.hersj.fhe.search.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.zip.CRC32C;

/**
 * Append-only list of durable record indices of an unfinished record file. Each entry is the index
 * (8 bytes) and a CRC32C of it (4 bytes); on open, a torn last entry is cut off, so only records
 * whose data was forced to disk before their entry was written count as done.
 */
final class EnrollmentJournal implements AutoCloseable {

  private static final int ENTRY_BYTES = 12;

  private final FileChannel channel;
  private final CRC32C crc = new CRC32C();
  private ByteBuffer scratch = ByteBuffer.allocate(ENTRY_BYTES * 64).order(ByteOrder.LITTLE_ENDIAN);

  private EnrollmentJournal(FileChannel channel) {
    this.channel = channel;
  }

  /** Opens (or creates) the journal and sets the bits of the records it lists in {@code done}. */
  static EnrollmentJournal open(Path file, long recordCount, BitSet done) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    long size = ch.size();
    ByteBuffer entry = ByteBuffer.allocate(ENTRY_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    CRC32C crc = new CRC32C();
    long good = 0;
    while (good + ENTRY_BYTES <= size) {
      entry.clear();
      while (entry.hasRemaining() && ch.read(entry, good + entry.position()) > 0) {
        // keep reading
      }
      long index = entry.getLong(0);
      crc.reset();
      crc.update(entry.array(), 0, 8);
      if (entry.getInt(8) != (int) crc.getValue() || index < 0 || index >= recordCount) {
        break;
      }
      done.set(Math.toIntExact(index));
      good += ENTRY_BYTES;
    }
    ch.truncate(good);
    ch.position(good);
    return new EnrollmentJournal(ch);
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
