package org.hersj.fhe.search.store;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A local file read around the page cache ({@code O_DIRECT}): each read covers whole blocks of the file
 * system into an aligned buffer of the reading thread, then copies the requested bytes out, so callers read
 * any position and length as from a {@link FileChannel}. The data then moves from the disk straight to this
 * process, without the kernel's copy and page-cache bookkeeping. Reads are thread-safe.
 */
final class DirectFileInput implements PositionalInput {

  /** Largest single read; longer requests are served in parts, as a channel may. */
  private static final int MAX_READ_BYTES = 1 << 20;

  /**
   * One buffer per thread for every open file (a sharded gallery keeps all its shards open), grown to the
   * largest read the thread made (one record), at most {@link #MAX_READ_BYTES} and four blocks.
   */
  private static final ThreadLocal<ByteBuffer[]> BOUNCE = ThreadLocal.withInitial(() -> new ByteBuffer[1]);

  private final Path file;
  private final FileChannel channel;
  private final long size;
  private final int block;

  private DirectFileInput(Path file, FileChannel channel, long size, int block) {
    this.file = file;
    this.channel = channel;
    this.size = size;
    this.block = block;
  }

  /**
   * Opens {@code file} for direct reads.
   *
   * @throws RecordFileException if the file cannot be opened, or its file system or the platform does not
   *     support direct I/O
   */
  static DirectFileInput open(Path file) throws IOException {
    FileChannel channel;
    long blockSize;
    try {
      blockSize = Files.getFileStore(file).getBlockSize();
      channel = FileChannel.open(file, StandardOpenOption.READ, ExtendedOpenOption.DIRECT);
    } catch (UnsupportedOperationException | IOException e) {
      throw openFailure(file, e);
    }
    try {
      if (blockSize <= 0 || blockSize > (1 << 20) || Long.bitCount(blockSize) != 1) {
        throw new RecordFileException(file, "has a file-system block size of " + blockSize
            + " bytes, which direct I/O cannot align to; read it without --direct-io");
      }
      return new DirectFileInput(file, channel, channel.size(), (int) blockSize);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  // Why a direct open failed: the file itself (missing, unreadable, too many open files) if a plain open fails too,
  // else the file system or platform, which has no direct I/O.
  private static RecordFileException openFailure(Path file, Exception direct) {
    try (FileChannel plain = FileChannel.open(file, StandardOpenOption.READ)) {
      return new RecordFileException(file, "cannot be opened for direct I/O (" + reason(direct) + "): its file"
          + " system or the platform does not support it; read it through the page cache (without --direct-io)");
    } catch (IOException e) {
      return new RecordFileException(file, "cannot be opened (" + reason(e) + "); check the path and its"
          + " permissions");
    }
  }

  private static String reason(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "access denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The size when opened: record files are complete and not changed while they are read. */
  @Override
  public long size() {
    return size;
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    if (!dst.hasRemaining()) {
      return 0;
    }
    if (position >= size) {
      return -1;
    }
    int wanted = Math.min(dst.remaining(), MAX_READ_BYTES);
    long start = position - Math.floorMod(position, block);
    int skip = (int) (position - start);
    int span = (skip + wanted + block - 1) / block * block;
    ByteBuffer aligned = bounce(span);
    try {
      while (aligned.hasRemaining() && start + aligned.position() < size) {
        int n = channel.read(aligned, start + aligned.position());
        if (n < 0) {
          break;
        }
        if (n == 0) { // never for a regular file with room left, but a loop must not spin on it
          throw new IOException("the read made no progress at byte " + (start + aligned.position()));
        }
        if (aligned.position() % block != 0 && start + aligned.position() < size) {
          throw new IOException("the read stopped inside a block, at byte " + (start + aligned.position()));
        }
      }
    } catch (ClosedChannelException e) {
      throw e; // closed, or interrupted (a search stopping its readers): not a read failure
    } catch (IOException e) {
      throw new RecordFileException(file, "direct read of " + span + " bytes at byte " + start + " failed ("
          + reason(e) + "); read it through the page cache (without --direct-io), and check the disk if that fails"
          + " too");
    }
    int got = Math.min(wanted, aligned.position() - skip);
    if (got <= 0) {
      return -1;
    }
    aligned.limit(skip + got).position(skip);
    dst.put(aligned);
    return got;
  }

  // The calling thread's buffer, aligned to the block and limited to `span` bytes.
  private ByteBuffer bounce(int span) {
    ByteBuffer[] holder = BOUNCE.get();
    // aligning the slice's start and end loses less than one block in all
    int needed = span + block;
    if (holder[0] == null || holder[0].capacity() < needed) {
      int grown = holder[0] == null ? 0 : Math.min(2 * holder[0].capacity(), MAX_READ_BYTES + 4 * block);
      holder[0] = ByteBuffer.allocateDirect(Math.max(needed, grown));
    }
    ByteBuffer aligned = holder[0].clear().alignedSlice(block);
    aligned.limit(span);
    return aligned;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
