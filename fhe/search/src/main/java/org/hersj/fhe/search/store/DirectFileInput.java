package org.hersj.fhe.search.store;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A local file read around the page cache ({@code O_DIRECT}): each read covers whole blocks of the file
 * system into a per-thread aligned buffer, then copies the requested bytes out, so callers read any
 * position and length as from a {@link FileChannel}. The data then moves from the disk straight to this
 * process, without the kernel's copy and page-cache bookkeeping. Reads are thread-safe.
 */
final class DirectFileInput implements PositionalInput {

  /** Largest single read; longer requests are served in parts, as a channel may. */
  private static final int MAX_READ_BYTES = 1 << 20;

  private final FileChannel channel;
  private final long size;
  private final int block;
  private final ThreadLocal<ByteBuffer> bounce;

  private DirectFileInput(FileChannel channel, long size, int block) {
    this.channel = channel;
    this.size = size;
    this.block = block;
    this.bounce = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(MAX_READ_BYTES + 3 * block)
        .alignedSlice(block));
  }

  /**
   * Opens {@code file} for direct reads.
   *
   * @throws RecordFileException if the file system or the platform does not support direct I/O
   */
  static DirectFileInput open(Path file) throws IOException {
    long blockSize;
    FileChannel channel;
    try {
      blockSize = Files.getFileStore(file).getBlockSize();
      channel = FileChannel.open(file, StandardOpenOption.READ, ExtendedOpenOption.DIRECT);
    } catch (UnsupportedOperationException | IOException e) {
      throw new RecordFileException(file, "cannot be opened for direct I/O (" + e + "); where the file system or"
          + " the platform does not support it, read it through the page cache (without --direct-io)");
    }
    if (blockSize <= 0 || blockSize > (1 << 20) || Long.bitCount(blockSize) != 1) {
      channel.close();
      throw new RecordFileException(file, "has a file-system block size of " + blockSize
          + " bytes, which direct I/O cannot align to; read it without --direct-io");
    }
    return new DirectFileInput(channel, channel.size(), (int) blockSize);
  }

  /** The size when opened: record files are complete and not changed while they are read. */
  @Override
  public long size() {
    return size;
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    if (position >= size) {
      return -1;
    }
    int wanted = Math.min(dst.remaining(), MAX_READ_BYTES);
    long start = position - Math.floorMod(position, block);
    int skip = (int) (position - start);
    int span = roundUp(skip + wanted);
    ByteBuffer aligned = bounce.get();
    aligned.clear().limit(span);
    while (aligned.hasRemaining() && start + aligned.position() < size) {
      if (channel.read(aligned, start + aligned.position()) < 0) {
        break;
      }
      if (aligned.position() % block != 0 && start + aligned.position() < size) {
        throw new IOException("direct read of " + span + " bytes at " + start + " stopped inside a block");
      }
    }
    int got = Math.min(wanted, aligned.position() - skip);
    if (got <= 0) {
      return -1;
    }
    aligned.limit(skip + got).position(skip);
    dst.put(aligned);
    return got;
  }

  private int roundUp(int bytes) {
    return (bytes + block - 1) / block * block;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
