package org.hersj.fhe.search;

import java.lang.management.ManagementFactory;

/** The CPU time this process has used, all threads together: the honest cost figure on a shared machine. */
public final class ProcessCpuClock {

  private ProcessCpuClock() {
  }

  /** CPU nanoseconds of this process (all threads), or wall-clock nanoseconds if the JVM does not report it. */
  public static long nanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return System.nanoTime();
  }
}
