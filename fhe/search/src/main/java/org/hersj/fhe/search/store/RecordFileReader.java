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
  private final FileChannel channel;

  private RecordFileReader(Path file, RecordFileHeader header, FileChannel channel) {
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
    if (!Files.isRegularFile(file)) {
      String hint = Files.exists(RecordFileWriter.partFileOf(file))
          ? "only an unfinished write exists (" + RecordFileWriter.partFileOf(file).getFileName()
              + "); resume or redo it" : "check the path";
      throw new RecordFileException(file, "no such " + expectedKind.name().toLowerCase() + " file; " + hint);
    }
    RecordFileHeader header = RecordFileHeader.decode(RecordFileWriter.readHeaderRegion(file), file);
    if (header.kind() != expectedKind) {
      throw new RecordFileException(file, "holds " + header.kind() + ", expected " + expectedKind);
    }
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    long size = ch.size();
    if (size != header.fileBytes()) {
      ch.close();
      throw new RecordFileException(file, "is " + size + " bytes but its header promises "
          + header.fileBytes() + " (" + header.recordCount() + " records of " + header.recordBytes()
          + " bytes): the file was " + (size < header.fileBytes() ? "truncated" : "appended to"));
    }
    return new RecordFileReader(file, header, ch);
  }

  /** The verified header. */
  @Override
  public RecordFileHeader header() {
    return header;
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
      int n = channel.read(buf, at + buf.position());
      if (n < 0) {
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
