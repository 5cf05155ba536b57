package org.hersj.fhe.search.server;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.hersj.fhe.search.store.RecordBuffer;
import org.hersj.fhe.search.store.RecordSet;

/**
 * Reads the records of a file ahead, in order, on a few I/O threads into a small pool of buffers, so that
 * a cold disk always has several requests in flight while the scoring threads compute (one positional
 * read at a time reads a cold disk at a third of its speed, measured in bench/README.md). Scoring threads
 * {@link #take} verified records in any order and {@link #release} their buffers.
 */
final class RecordPrefetch implements AutoCloseable {

  /** A verified record and its index. */
  record Loaded(long index, RecordBuffer buffer) {
  }

  private static final long POLL_MILLIS = 50;

  private final RecordSet reader;
  private final long total;
  private final BlockingQueue<RecordBuffer> free;
  private final BlockingQueue<Loaded> ready;
  private final AtomicLong nextRead = new AtomicLong();
  private final AtomicLong claimed = new AtomicLong();
  private final LongAdder readNanos = new LongAdder();
  private final ExecutorService io;
  private volatile IOException failure;

  /** Starts {@code ioThreads} readers of {@code reader}'s records into {@code buffers} buffers. */
  RecordPrefetch(RecordSet reader, int ioThreads, int buffers) {
    this.reader = reader;
    this.total = reader.header().recordCount();
    this.free = new ArrayBlockingQueue<>(buffers);
    this.ready = new ArrayBlockingQueue<>(buffers);
    for (int i = 0; i < buffers; i++) {
      free.add(new RecordBuffer(reader.header()));
    }
    this.io = Executors.newFixedThreadPool(ioThreads, r -> {
      Thread t = new Thread(r, "record prefetch");
      t.setDaemon(true);
      return t;
    });
    for (int t = 0; t < ioThreads; t++) {
      io.execute(this::readAhead);
    }
  }

  private void readAhead() {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    boolean cpuTime = cpu.isCurrentThreadCpuTimeSupported();
    try {
      for (long r = nextRead.getAndIncrement(); r < total && failure == null; r = nextRead.getAndIncrement()) {
        RecordBuffer buffer = free.take();
        long t0 = cpuTime ? cpu.getCurrentThreadCpuTime() : System.nanoTime();
        reader.read(r, buffer);
        readNanos.add((cpuTime ? cpu.getCurrentThreadCpuTime() : System.nanoTime()) - t0);
        ready.put(new Loaded(r, buffer));
      }
    } catch (IOException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = new IOException("reading records ahead failed: " + e.getMessage(), e);
    }
  }

  /**
   * The next verified record, or null when every record was taken.
   *
   * @throws IOException the first read failure (damaged record, truncated file)
   */
  Loaded take() throws IOException {
    if (claimed.getAndIncrement() >= total) {
      return null;
    }
    try {
      while (true) {
        Loaded loaded = ready.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (loaded != null) {
          return loaded;
        }
        if (failure != null) {
          throw failure;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a gallery record");
    }
  }

  /** Hands a taken record's buffer back for the next read. */
  void release(Loaded loaded) {
    free.add(loaded.buffer());
  }

  /** CPU time the I/O threads spent reading and verifying records, in nanoseconds. */
  long readNanos() {
    return readNanos.sum();
  }

  @Override
  public void close() {
    io.shutdownNow();
  }
}
