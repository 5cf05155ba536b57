package org.hersj.fhe.search.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * One reusable record-sized buffer with the record framing: magic, record index, item count,
 * payload, CRC32C over everything before the checksum. A thread owns one buffer and fills or reads
 * many records through it without allocating. CRC32C detects accidental damage and naive
 * tampering; it is not a MAC (the server that holds the gallery can compute anything anyway).
 */
public final class RecordBuffer {

  static final int MAGIC = 0x48524543; // "HREC"

  private final ByteBuffer buffer;
  private final int payloadBytes;
  private final ByteBuffer checksumView;
  private final CRC32C crc = new CRC32C();
  private final FileKind kind;

  /** A buffer for records of {@code header}'s size. */
  public RecordBuffer(RecordFileHeader header) {
    this.buffer = ByteBuffer.allocateDirect(header.recordBytes()).order(ByteOrder.LITTLE_ENDIAN);
    this.payloadBytes = header.recordBytes() - RecordFileHeader.RECORD_PREFIX_BYTES
        - RecordFileHeader.RECORD_SUFFIX_BYTES;
    this.checksumView = buffer.duplicate();
    this.kind = header.kind();
  }

  /**
   * The payload region, positioned at its start and limited to its end; write ciphertext payloads
   * into it in order (before {@link #seal}) or read them (after a verified read).
   */
  public ByteBuffer payload() {
    buffer.limit(RecordFileHeader.RECORD_PREFIX_BYTES + payloadBytes);
    buffer.position(RecordFileHeader.RECORD_PREFIX_BYTES);
    return buffer;
  }

  /** Item count stored in the current record. */
  public int items() {
    return buffer.getInt(12);
  }

  /** Writes the framing for record {@code index} holding {@code items} items; the buffer is then ready to write. */
  ByteBuffer seal(long index, int items) {
    buffer.clear();
    buffer.putInt(0, MAGIC);
    buffer.putLong(4, index);
    buffer.putInt(12, items);
    int crcAt = buffer.capacity() - RecordFileHeader.RECORD_SUFFIX_BYTES;
    buffer.putInt(crcAt, checksum(crcAt));
    buffer.clear();
    return buffer;
  }

  /** Clears the buffer for a read of a whole record. */
  ByteBuffer forRead() {
    buffer.clear();
    return buffer;
  }

  /** Whether the buffer holds an intact record {@code index}. */
  boolean isIntact(long index) {
    int crcAt = buffer.capacity() - RecordFileHeader.RECORD_SUFFIX_BYTES;
    return buffer.getInt(0) == MAGIC && buffer.getLong(4) == index
        && buffer.getInt(crcAt) == checksum(crcAt);
  }

  /** Checks the framing of record {@code index} read from {@code file}, or throws naming what is wrong. */
  void verify(long index, Path file) throws RecordFileException {
    if (buffer.getInt(0) != MAGIC) {
      throw new RecordFileException(file, "record " + index
          + " has no record marker: the file is damaged or was not completely written; " + kind.remedy());
    }
    if (buffer.getLong(4) != index) {
      throw new RecordFileException(file, "record " + index + " claims to be record "
          + buffer.getLong(4) + ": records were moved or the file was spliced");
    }
    int crcAt = buffer.capacity() - RecordFileHeader.RECORD_SUFFIX_BYTES;
    if (buffer.getInt(crcAt) != checksum(crcAt)) {
      throw new RecordFileException(file, "record " + index
          + " fails its CRC32C checksum: the record was altered or damaged; " + kind.remedy());
    }
  }

  private int checksum(int length) {
    crc.reset();
    checksumView.clear().limit(length);
    crc.update(checksumView);
    return (int) crc.getValue();
  }
}
