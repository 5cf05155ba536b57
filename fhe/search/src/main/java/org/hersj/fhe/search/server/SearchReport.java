package org.hersj.fhe.search.server;

import org.hersj.fhe.search.layout.OperationCounts;
import org.hersj.fhe.search.store.ReadMode;

/**
 * What a server-side search did.
 *
 * @param items gallery items scored
 * @param dimension feature dimension
 * @param records records (blocks or items) scored
 * @param seconds wall-clock time of the scan (read, score, write)
 * @param readSeconds thread CPU time spent reading and verifying records, summed over threads
 * @param scoreSeconds thread CPU time spent in homomorphic scoring, summed over threads (both fall back
 *     to wall time where the JVM cannot measure thread CPU time)
 * @param operations homomorphic operations performed
 * @param readMode how the gallery was read (through the page cache, or around it)
 */
public record SearchReport(long items, int dimension, long records, double seconds, double readSeconds,
    double scoreSeconds, OperationCounts operations, ReadMode readMode) {

  /** Mean scoring CPU time of one record on one thread (reading excluded). */
  public double secondsPerRecord() {
    return scoreSeconds / records;
  }

  /** Items times dimensions scored per second. */
  public double itemDimsPerSecond() {
    return items * (double) dimension / seconds;
  }
}
