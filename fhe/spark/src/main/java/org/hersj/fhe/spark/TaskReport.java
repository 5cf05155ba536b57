package org.hersj.fhe.spark;

import java.io.Serializable;

/**
 * What one Spark task did for one shard, sent back to the driver for the stage summary.
 *
 * @param shard shard index
 * @param attempt Spark's attempt number (0 = first try)
 * @param executor executor id the task ran on
 * @param records records (blocks) enrolled or scored
 * @param bytesRead bytes of gallery read (search) or 0
 * @param bytesWritten bytes of the shard file written
 * @param wallSeconds wall time of the task's work
 * @param cpuSeconds CPU time of the threads that encrypted or scored
 * @param resumed whether an existing shard was verified and kept instead of written
 * @param sha256 SHA-256 of the shard file written or kept
 */
public record TaskReport(int shard, int attempt, String executor, long records, long bytesRead, long bytesWritten,
    double wallSeconds, double cpuSeconds, boolean resumed, String sha256) implements Serializable {
}
