package org.hersj.bench.search;

import java.util.concurrent.TimeUnit;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Scoring one HERS block of N/2 items on one thread. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BlockScoringBenchmark {

  /** @return sum_j probe_j * gallery_j with the probe prepared: lazy Shoup products (degree 2), as the server does */
  @Benchmark
  public BackendCiphertext innerProductPrepared(SearchBlockFixture f) {
    f.evaluator.innerProduct(f.preparedProbe, f.gallery, f.dimension, f.accumulator);
    return f.accumulator;
  }

  /** @return the same sum with an unprepared probe (the engine's fused multiply-accumulates) */
  @Benchmark
  public BackendCiphertext innerProductUnprepared(SearchBlockFixture f) {
    f.evaluator.innerProduct(f.probe, f.gallery, f.dimension, f.accumulator);
    return f.accumulator;
  }

  /** @return the same sum with the engine's per-term multiply-accumulate */
  @Benchmark
  public BackendCiphertext innerProductPerTerm(SearchBlockFixture f) {
    f.evaluator.clear(f.accumulator);
    for (int j = 0; j < f.dimension; j++) {
      f.evaluator.multiplyAccumulate(f.probe[j], f.gallery[j], f.accumulator);
    }
    return f.accumulator;
  }

  /** @return a whole block: inner product, one relinearisation and one rescale (the default) */
  @Benchmark
  public BackendCiphertext scoreBlockRelinearized(SearchBlockFixture f) {
    f.evaluator.innerProduct(f.preparedProbe, f.gallery, f.dimension, f.accumulator);
    f.evaluator.relinearizeAndRescale(f.accumulator, f.score);
    return f.score;
  }

  /**
   * @return a whole block in the degree-2 option: the server's work is the inner product alone (the
   *     client decrypts with s, s^2 and rescales the plaintext)
   */
  @Benchmark
  public BackendCiphertext scoreBlockDegreeTwo(SearchBlockFixture f) {
    f.evaluator.innerProduct(f.preparedProbe, f.gallery, f.dimension, f.accumulator);
    return f.accumulator;
  }

  /** @return the client's share of the degree-2 option: decrypt with s, s^2, rescale, decode */
  @Benchmark
  public double[] clientDecryptDegreeTwo(SearchBlockFixture f) {
    f.client.decrypt(f.accumulator, f.decoded);
    return f.decoded;
  }

  /** @return the same decryption with the noise flooding of {@code hers rank} (2^12 x the noise, on by default) */
  @Benchmark
  public double[] clientDecryptDegreeTwoFlooded(SearchBlockFixture f) {
    f.floodingClient.decrypt(f.accumulator, f.decoded);
    return f.decoded;
  }

  /** @return the block's d gallery columns read from their bit-packed payloads (range-checked), as the server reads them */
  @Benchmark
  public BackendCiphertext readBlockPacked(SearchBlockFixture f) {
    return readBlock(f, f.packedRecord, org.hersj.fhe.search.backend.PayloadEncoding.PACKED);
  }

  /** @return the same columns read from 64-bit words (record format 1) */
  @Benchmark
  public BackendCiphertext readBlockWords(SearchBlockFixture f) {
    return readBlock(f, f.wordsRecord, org.hersj.fhe.search.backend.PayloadEncoding.WORDS);
  }

  /** @return the same columns read from seeded payloads: c_0 unpacked, c_1 expanded from its seed */
  @Benchmark
  public BackendCiphertext readBlockSeeded(SearchBlockFixture f) {
    return readBlock(f, f.seededRecord, org.hersj.fhe.search.backend.PayloadEncoding.SEEDED);
  }

  private static BackendCiphertext readBlock(SearchBlockFixture f, java.nio.ByteBuffer record,
      org.hersj.fhe.search.backend.PayloadEncoding encoding) {
    java.nio.ByteBuffer in = record.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (BackendCiphertext column : f.gallery) {
      f.server.readPayload(in, column, encoding);
    }
    return f.gallery[f.dimension - 1];
  }

  /** @return the client's share of the default form: decrypt a relinearised, rescaled score and decode */
  @Benchmark
  public double[] clientDecryptRelinearized(SearchBlockFixture f) {
    f.client.decrypt(f.score, f.decoded);
    return f.decoded;
  }
}
