package org.hersj.fhe.search.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a complete record file: verifies the header and the exact file size on open, and each
 * record's framing and checksum on read. Reads are positional, so several threads can share one
 * reader (each with its own {@link RecordBuffer}), and only the records being scored are in memory.
 */
public final class RecordFileReader implements RecordSet {

  private final Path file;
  private final RecordFileHeader header;
  private final PositionalInput channel;

  private RecordFileReader(Path file, RecordFileHeader header, PositionalInput channel) {
    this.file = file;
    this.header = header;
    this.channel = channel;
  }

  /**
   * Opens {@code file} and checks it holds {@code expectedKind}.
   *
   * @throws RecordFileException if the file is missing, unfinished, of another kind, has a damaged
   *     header, or is shorter or longer than its header says
   */
  public static RecordFileReader open(Path file, FileKind expectedKind) throws IOException {
    return open(file, expectedKind, ReadMode.CACHED);
  }

  /**
   * Opens {@code file} to be read in {@code mode} and checks it holds {@code expectedKind}, as
   * {@link #open(Path, FileKind)}.
   *
   * @throws RecordFileException as {@link #open(Path, FileKind)}, and if {@code mode} is
   *     {@link ReadMode#DIRECT} and the file system does not support direct I/O
   */
  public static RecordFileReader open(Path file, FileKind expectedKind, ReadMode mode) throws IOException {
    if (!Files.isRegularFile(file)) {
      String hint = Files.exists(RecordFileWriter.partFileOf(file))
          ? "only an unfinished write exists (" + RecordFileWriter.partFileOf(file).getFileName()
              + "); " + expectedKind.remedy() : "check the path";
      throw new RecordFileException(file, "no such " + expectedKind.name().toLowerCase() + " file; " + hint);
    }
    PositionalInput input = mode == ReadMode.DIRECT ? DirectFileInput.open(file)
        : PositionalInput.of(FileChannel.open(file, StandardOpenOption.READ));
    return open(file, input, expectedKind);
  }

  /**
   * Opens the record file {@code input} (of another storage system; {@code file} names it in messages) and
   * checks it holds {@code expectedKind}, as {@link #open(Path, FileKind)}. Closing the reader closes
   * {@code input}; so does a failure here.
   *
   * @throws RecordFileException if the file is unfinished, of another kind, has a damaged header, or is
   *     shorter or longer than its header says
   */
  public static RecordFileReader open(Path file, PositionalInput input, FileKind expectedKind) throws IOException {
    try {
      long size = input.size();
      if (size < RecordFileHeader.HEADER_BYTES) {
        throw new RecordFileException(file, "is " + size + " bytes, shorter than the "
            + RecordFileHeader.HEADER_BYTES + "-byte header: truncated");
      }
      ByteBuffer region = ByteBuffer.allocate(RecordFileHeader.HEADER_BYTES);
      readFully(input, region, 0, file);
      RecordFileHeader header = RecordFileHeader.decode(region.array(), file);
      if (header.kind() != expectedKind) {
        throw new RecordFileException(file, "holds " + header.kind() + ", expected " + expectedKind);
      }
      if (size != header.fileBytes()) {
        throw new RecordFileException(file, "is " + size + " bytes but its header promises "
            + header.fileBytes() + " (" + header.recordCount() + " records of " + header.recordBytes()
            + " bytes): the file was " + (size < header.fileBytes() ? "truncated" : "appended to"));
      }
      return new RecordFileReader(file, header, input);
    } catch (IOException | RuntimeException e) {
      input.close();
      throw e;
    }
  }

  private static void readFully(PositionalInput input, ByteBuffer buf, long at, Path file) throws IOException {
    while (buf.hasRemaining()) {
      if (input.read(buf, at + buf.position()) < 0) {
        throw new RecordFileException(file, "ends at byte " + (at + buf.position()) + ": truncated");
      }
    }
  }

  /** The verified header. */
  @Override
  public RecordFileHeader header() {
    return header;
  }

  /** {@link ReadMode#DIRECT} when this reader reads its file around the page cache ({@link DirectFileInput}). */
  @Override
  public ReadMode readMode() {
    return channel instanceof DirectFileInput ? ReadMode.DIRECT : ReadMode.CACHED;
  }

  /** The file this reader reads. */
  @Override
  public Path file() {
    return file;
  }

  /**
   * Reads record {@code index} into {@code record} and verifies it; afterwards
   * {@link RecordBuffer#payload()} yields the ciphertext payloads and {@link RecordBuffer#items()} its
   * item count. Thread-safe.
   *
   * @throws RecordFileException if the record is damaged, misplaced or has an impossible item count
   */
  @Override
  public void read(long index, RecordBuffer record) throws IOException {
    if (index < 0 || index >= header.recordCount()) {
      throw new IndexOutOfBoundsException("record " + index + " outside 0.." + (header.recordCount() - 1));
    }
    ByteBuffer buf = record.forRead();
    long at = header.recordOffset(index);
    while (buf.hasRemaining()) {
      if (channel.read(buf, at + buf.position()) < 0) {
        throw new RecordFileException(file, "ends inside record " + index + ": truncated");
      }
    }
    record.verify(index, file);
    int expected = header.layout().itemsInRecord(index);
    if (record.items() != expected) {
      throw new RecordFileException(file, "record " + index + " says it holds " + record.items()
          + " items, the layout says " + expected);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
