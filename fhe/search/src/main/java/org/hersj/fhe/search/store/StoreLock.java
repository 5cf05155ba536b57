package org.hersj.fhe.search.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * An exclusive lock on a gallery store directory for the whole of an enrollment: an operating-system
 * lock ({@link FileChannel#tryLock()}) on {@value #LOCK_FILE} inside it, so a second enrollment into the
 * same directory, from this or another process, fails at once instead of mixing its rows into the
 * first's. The lock is released when closed, or by the operating system when the process dies (a
 * killed enrollment leaves no stale lock). Re-entrant for the thread that holds it, so a command can
 * hold it while it writes files beside the gallery and then run the enroller, which takes it again.
 */
public final class StoreLock implements AutoCloseable {

  /** Name of the lock file inside the store directory. */
  public static final String LOCK_FILE = ".enroll.lock";

  private static final Map<Path, StoreLock> HELD = new HashMap<>();

  private final Path directory;
  private final FileChannel channel;
  private final FileLock lock;
  private final Thread owner;
  private int holds = 1;

  private StoreLock(Path directory, FileChannel channel, FileLock lock) {
    this.directory = directory;
    this.channel = channel;
    this.lock = lock;
    this.owner = Thread.currentThread();
  }

  /**
   * Locks {@code directory} (created if needed) for an enrollment.
   *
   * @throws RecordFileException naming the directory if another enrollment holds it
   */
  public static StoreLock acquire(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path key = directory.toRealPath();
    synchronized (HELD) {
      StoreLock held = HELD.get(key);
      if (held != null) {
        if (held.owner != Thread.currentThread()) {
          throw busy(directory);
        }
        held.holds++;
        return held;
      }
      FileChannel channel = FileChannel.open(key.resolve(LOCK_FILE), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException | IOException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw busy(directory);
      }
      StoreLock acquired = new StoreLock(key, channel, lock);
      HELD.put(key, acquired);
      return acquired;
    }
  }

  private static RecordFileException busy(Path directory) {
    return new RecordFileException(directory, "another enrollment is writing " + directory
        + "; wait for it to finish (or stop it), then rerun to resume");
  }

  /** Releases one hold; the last releases the operating-system lock. */
  @Override
  public void close() throws IOException {
    synchronized (HELD) {
      if (--holds > 0) {
        return;
      }
      HELD.remove(directory);
      try {
        lock.release();
      } finally {
        channel.close();
      }
    }
  }
}
