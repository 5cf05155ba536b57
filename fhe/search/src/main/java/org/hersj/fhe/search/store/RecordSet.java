package org.hersj.fhe.search.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Records of one logical record file, read by index: a single {@link RecordFileReader}, or the shards
 * of a sharded gallery or scores set ({@link ShardedRecordSet}) seen as one file. Reads are
 * thread-safe; each thread brings its own {@link RecordBuffer}.
 */
public interface RecordSet extends AutoCloseable {

  /** The header of the whole set (for shards: the counts of all shards together). */
  RecordFileHeader header();

  /** The file or directory the records come from (for messages). */
  Path file();

  /**
   * Reads record {@code index} of the whole set into {@code record} and verifies it.
   *
   * @throws RecordFileException naming the (shard) file if the record is damaged or misplaced
   */
  void read(long index, RecordBuffer record) throws IOException;

  /** How the records are read: {@link ReadMode#DIRECT} when every file is read around the page cache. */
  default ReadMode readMode() {
    return ReadMode.CACHED;
  }

  @Override
  void close() throws IOException;
}
