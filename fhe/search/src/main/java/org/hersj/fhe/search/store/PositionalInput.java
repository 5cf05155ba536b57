package org.hersj.fhe.search.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A file opened for positional reads, what {@link RecordFileReader} reads records from: a local
 * {@link FileChannel}, or a file of another storage system (a distributed file system or an object store,
 * adapted by the module that talks to it). Reads are thread-safe.
 */
public interface PositionalInput extends Closeable {

  /** The file's size in bytes. */
  long size() throws IOException;

  /**
   * Reads up to {@code dst.remaining()} bytes at {@code position} into {@code dst}, as
   * {@link FileChannel#read(ByteBuffer, long)}: the count read, or -1 at the end of the file.
   */
  int read(ByteBuffer dst, long position) throws IOException;

  /** A local file channel as positional input (closing it closes the channel). */
  static PositionalInput of(FileChannel channel) {
    return new PositionalInput() {
      @Override
      public long size() throws IOException {
        return channel.size();
      }

      @Override
      public int read(ByteBuffer dst, long position) throws IOException {
        return channel.read(dst, position);
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }
}
