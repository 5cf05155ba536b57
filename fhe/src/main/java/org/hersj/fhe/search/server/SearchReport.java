package org.hersj.fhe.search.server;

import org.hersj.fhe.search.layout.OperationCounts;

/**
 * What a server-side search did.
 *
 * @param items gallery items scored
 * @param dimension feature dimension
 * @param records records (blocks or items) scored
 * @param seconds wall-clock time of the scan (read, score, write)
 * @param operations homomorphic operations performed
 */
public record SearchReport(long items, int dimension, long records, double seconds,
    OperationCounts operations) {

  /** Items times dimensions scored per second. */
  public double itemDimsPerSecond() {
    return items * (double) dimension / seconds;
  }
}
