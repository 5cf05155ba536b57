package org.hersj.bench.search;

import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.BlockEvaluator;
import org.hersj.fhe.search.backend.ckks.CkksClientBackend;
import org.hersj.fhe.search.backend.ckks.CkksSearchKeys;
import org.hersj.fhe.search.backend.ckks.CkksServerBackend;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One HERS block: d probe ciphertexts (value replicated) and d gallery columns, with the server's
 * evaluator and output buffers. Probe value j is (j+1)/d/4 and gallery slot i of column j is
 * cos(i + j)/4, so the expected scores are known in closed form. Test keys (deterministic, insecure).
 */
@State(Scope.Thread)
public class SearchBlockFixture {

  /**
   * Parameter preset; the one-prime presets (LITE_N2048, LITE_N4096: {@code -p preset=LITE_N2048}) run the
   * degree-2 and payload benchmarks only (they cannot relinearise).
   */
  @Param({"SEARCH_N8192", "SEARCH_N4096"})
  public String preset = "SEARCH_N8192";

  /** Feature dimension. */
  @Param({"16"})
  public int dimension = 16;

  CkksClientBackend client;
  /** The key owner as {@code hers rank} runs it: decryptions flooded with the default bits. */
  CkksClientBackend floodingClient;
  CkksServerBackend server;
  BlockEvaluator evaluator;
  BackendCiphertext[] probe;
  BackendCiphertext[] preparedProbe;
  BackendCiphertext[] gallery;
  BackendCiphertext accumulator;
  BackendCiphertext score;
  double[] expected;
  double[] decoded;
  /** The block's d gallery payloads bit-packed (as galleries are stored) and as 64-bit words (format 1). */
  java.nio.ByteBuffer packedRecord;
  java.nio.ByteBuffer wordsRecord;
  /** The same payloads seeded (32-byte seed + packed c_0), as the key owner's galleries are stored. */
  java.nio.ByteBuffer seededRecord;

  /** Builds keys and the block. */
  @Setup
  public void setUp() {
    CkksSearchKeys keys = CkksSearchKeys.generate(CkksPresets.byName(preset), RandomSource.secure());
    client = keys.client().withoutNoiseFlooding();
    floodingClient = keys.client();
    server = keys.server();
    evaluator = server.newEvaluator();
    int slots = client.slots();
    probe = new BackendCiphertext[dimension];
    gallery = new BackendCiphertext[dimension];
    expected = new double[slots];
    double[] column = new double[slots];
    for (int j = 0; j < dimension; j++) {
      double p = (j + 1.0) / dimension / 4;
      probe[j] = client.newCiphertext(1, client.freshLevel());
      client.encryptReplicated(p, probe[j]);
      for (int i = 0; i < slots; i++) {
        column[i] = Math.cos(i + j) / 4;
        expected[i] += p * column[i];
      }
      gallery[j] = client.newCiphertext(1, client.freshLevel());
      client.encryptColumn(column, gallery[j]);
    }
    accumulator = server.newCiphertext(2, server.freshLevel());
    decoded = new double[client.slots()];
    preparedProbe = evaluator.prepareFixed(probe);
    evaluator.innerProduct(preparedProbe, gallery, dimension, accumulator);
    if (server.canRelinearize()) {
      score = server.newCiphertext(1, server.scoreLevel());
      evaluator.relinearizeAndRescale(accumulator, score);
    }
    packedRecord = record(org.hersj.fhe.search.backend.PayloadEncoding.PACKED);
    wordsRecord = record(org.hersj.fhe.search.backend.PayloadEncoding.WORDS);
    seededRecord = record(org.hersj.fhe.search.backend.PayloadEncoding.SEEDED);
  }

  private java.nio.ByteBuffer record(org.hersj.fhe.search.backend.PayloadEncoding encoding) {
    int size = server.payloadBytes(1, server.freshLevel(), encoding);
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocateDirect(dimension * size)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (BackendCiphertext column : gallery) {
      server.writePayload(buffer, column, encoding);
    }
    return buffer.flip();
  }

  /** Decrypted slots of {@code ct}. */
  double[] decrypt(BackendCiphertext ct) {
    double[] out = new double[client.slots()];
    client.decrypt(ct, out);
    return out;
  }
}
