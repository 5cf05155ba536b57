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
   * themselves (measured in bench/README.md: 2-3 CPU s per 1.7 GB on a 2-core machine, against 0.1 s direct).
   * Needs a file system that supports it (ext4, XFS; not tmpfs).
   */
  DIRECT
}
