package org.hersj.fhe.spark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hersj.fhe.search.ProgressListener;

/**
 * A progress listener that records the CPU time of every thread that reports, i.e. of the worker threads
 * that encrypt or score a shard (fresh threads per shard, so their CPU time is the shard's work).
 * Optionally fails on purpose after a given number of records (the fault injection of the tests).
 */
final class ThreadCpu implements ProgressListener {

  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> cpuByThread = new ConcurrentHashMap<>();
  private final long failAfter;

  /** Records CPU; throws once {@code failAfter} records are done (negative: never). */
  ThreadCpu(long failAfter) {
    this.failAfter = failAfter;
  }

  @Override
  public void progress(String stage, long done, long total) {
    if (MX.isCurrentThreadCpuTimeSupported()) {
      cpuByThread.put(Thread.currentThread().getId(), MX.getCurrentThreadCpuTime());
    }
    if (failAfter >= 0 && done >= failAfter) {
      throw new IllegalStateException("fault injected: task killed after " + done + " of " + total + " records");
    }
  }

  /** CPU seconds of all reporting threads. */
  double seconds() {
    return cpuByThread.values().stream().mapToLong(Long::longValue).sum() / 1e9;
  }
}
