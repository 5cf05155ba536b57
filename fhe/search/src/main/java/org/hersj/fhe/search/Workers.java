package org.hersj.fhe.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the same worker loop on several threads (the workers share a record counter and take records
 * from it) and rethrows the first failure as the IOException or RuntimeException it was.
 */
public final class Workers {

  /** A worker loop; each thread runs one. */
  @FunctionalInterface
  public interface Loop {
    /** Runs until there is no more work. */
    void run() throws IOException;
  }

  private Workers() {
  }

  /** Runs {@code loop} on {@code threads} threads and waits for all of them. */
  public static void runOnThreads(int threads, String what, Loop loop) throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          loop.run();
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException uio) {
        throw uio.getCause();
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(what + " failed", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(what + " was interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
