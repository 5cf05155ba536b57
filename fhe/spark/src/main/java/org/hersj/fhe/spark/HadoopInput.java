package org.hersj.fhe.spark;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.StreamCapabilities;
import org.hersj.fhe.search.store.PositionalInput;

/**
 * A file of a Hadoop file system as {@link PositionalInput}: positional reads ({@code PositionedReadable}, which
 * HDFS and the object store clients serve without moving a shared stream position, so the scan's reader threads
 * share one stream). Reads into a direct buffer go straight into it where the stream can
 * ({@code in:preadbytebuffer}: HDFS), else through a per-thread array of at most 1 MiB (Hadoop's raw local file
 * system, which costs two extra copies of every record: measured +0.15 s CPU on a 407 MB gallery).
 */
final class HadoopInput implements PositionalInput {

  private static final int CHUNK = 1 << 20;
  private final FSDataInputStream in;
  private final long size;
  private final boolean bufferReads;
  private final ThreadLocal<byte[]> scratch = ThreadLocal.withInitial(() -> new byte[CHUNK]);

  /** Reads {@code in}, a file of {@code size} bytes; closing this closes {@code in}. */
  HadoopInput(FSDataInputStream in, long size) {
    this.in = in;
    this.size = size;
    this.bufferReads = in.hasCapability(StreamCapabilities.PREADBYTEBUFFER);
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    if (position >= size) {
      return -1;
    }
    int wanted = (int) Math.min(dst.remaining(), size - position);
    if (dst.hasArray()) {
      int n = in.read(position, dst.array(), dst.arrayOffset() + dst.position(), wanted);
      if (n > 0) {
        dst.position(dst.position() + n);
      }
      return n;
    }
    if (bufferReads) {
      ByteBuffer window = dst.duplicate();
      window.limit(window.position() + wanted);
      int n = in.read(position, window);
      if (n > 0) {
        dst.position(dst.position() + n);
      }
      return n;
    }
    byte[] buffer = scratch.get();
    int n = in.read(position, buffer, 0, Math.min(wanted, buffer.length));
    if (n > 0) {
      dst.put(buffer, 0, n);
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
