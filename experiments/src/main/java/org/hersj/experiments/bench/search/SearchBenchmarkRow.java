package org.hersj.experiments.bench.search;

import org.hersj.fhe.search.layout.OperationCounts;

/**
 * Measurements for one gallery size (seconds are wall-clock; the fastest of the repetitions).
 *
 * @param mode search mode label
 * @param items gallery items
 * @param dimension feature dimension
 * @param threads threads used
 * @param records records (blocks or items) scored
 * @param galleryBytes size of the encrypted gallery on disk
 * @param enrollSeconds enrollment (encryption and writing) time
 * @param probeSeconds probe encryption time
 * @param searchSeconds server scoring time (gallery streamed from disk, scores written)
 * @param decryptRankSeconds score decryption and top-k time
 * @param blockScoreSeconds mean homomorphic scoring time of one record on one thread (reading excluded)
 * @param blockReadSeconds mean time to read and verify one record on one thread
 * @param cpuSeconds process CPU time (all threads) of the end-to-end search; on a shared machine
 *     cpuSeconds / threads estimates the wall time on dedicated cores
 * @param plaintextSeconds the same search in plaintext (inner products and top-k, in memory)
 * @param maxAbsError largest absolute score error against plaintext, NaN if not checked
 * @param operations homomorphic operations of one search
 * @param scoresBytes size of the encrypted scores file the server returns
 */
public record SearchBenchmarkRow(String mode, long items, int dimension, int threads, long records,
    long galleryBytes, double enrollSeconds, double probeSeconds, double searchSeconds,
    double decryptRankSeconds, double blockScoreSeconds, double blockReadSeconds, double cpuSeconds, double plaintextSeconds, double maxAbsError, OperationCounts operations,
    long scoresBytes) {

  /** CSV header matching {@link #toCsv()}. */
  public static final String CSV_HEADER = "mode,items,dimension,threads,records,gallery_bytes,enroll_s,"
      + "probe_s,search_s,decrypt_rank_s,total_s,block_score_ms,block_read_ms,cpu_s,item_dims_per_s,plaintext_s,encrypted_plaintext_ratio,"
      + "max_abs_error,ciphertexts,multiplications,relinearizations,rescales,rotations,scores_bytes,bytes_per_item";

  /** Gallery bytes on disk per item (header, record framing and the last block's padding included). */
  public double bytesPerItem() {
    return galleryBytes / (double) items;
  }

  /** End-to-end search time: probe encryption to ranked top-k. */
  public double totalSeconds() {
    return probeSeconds + searchSeconds + decryptRankSeconds;
  }

  /** Items times dimensions scored per second, end to end. */
  public double itemDimsPerSecond() {
    return items * (double) dimension / totalSeconds();
  }

  /** End-to-end encrypted time over plaintext time. */
  public double encryptedOverPlaintext() {
    return totalSeconds() / plaintextSeconds;
  }

  /** One CSV line (no newline). */
  public String toCsv() {
    return String.join(",", mode, Long.toString(items), Integer.toString(dimension),
        Integer.toString(threads), Long.toString(records), Long.toString(galleryBytes), num(enrollSeconds),
        num(probeSeconds), num(searchSeconds), num(decryptRankSeconds), num(totalSeconds()),
        num(blockScoreSeconds * 1e3), num(blockReadSeconds * 1e3), num(cpuSeconds),
        num(itemDimsPerSecond()), num(plaintextSeconds), num(encryptedOverPlaintext()), num(maxAbsError),
        Long.toString(operations.ciphertexts()), Long.toString(operations.multiplications()),
        Long.toString(operations.relinearizations()), Long.toString(operations.rescales()),
        Long.toString(operations.rotations()), Long.toString(scoresBytes), num(bytesPerItem()));
  }

  private static String num(double v) {
    return String.format(java.util.Locale.ROOT, "%.6g", v);
  }
}
