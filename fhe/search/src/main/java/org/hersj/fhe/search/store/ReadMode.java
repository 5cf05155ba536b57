package org.hersj.fhe.search.store;

/**
 * How a search reads a gallery's record file from a local disk.
 */
public enum ReadMode {
  /**
   * Through the operating system's page cache (the default): a gallery that fits in memory is read from RAM
   * on every search after the first.
   */
  CACHED,
  /**
   * Around the page cache ({@code O_DIRECT}, {@link DirectFileInput}): for galleries searched from disk (larger
   * than the memory, or searched once), where filling the page cache costs more system CPU than the reads
   * themselves (measured in bench/README.md: a cold search of a 1.7 GB gallery on a 2-core machine spent 2.5-3.4
   * system CPU s through the cache, 0.6-1.3 s direct). Needs a local file system that supports it (ext4, XFS;
   * tmpfs since Linux 6.6, where it gains nothing: a tmpfs file lives in the page cache anyway).
   */
  DIRECT
}
