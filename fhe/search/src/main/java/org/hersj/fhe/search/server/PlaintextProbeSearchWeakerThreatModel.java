package org.hersj.fhe.search.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.BlockEvaluator;
import org.hersj.fhe.search.backend.PayloadEncoding;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.layout.OperationCounter;
import org.hersj.fhe.search.store.GalleryStore;
import org.hersj.fhe.search.store.RecordSet;

/**
 * <b>Weaker threat model: the probe is sent to the server in the clear.</b> Only the gallery
 * (templates at rest) is protected; the server learns the probe, and from it and the (encrypted)
 * scores' use, possibly who is searched for. Use only when template protection at rest is all that is
 * needed. Scores are still encrypted (only the key owner can read them): per block
 * scores = sum_j p_j * gallery_{block,j} with ciphertext-times-constant products (no relinearisation,
 * one rescale per block), on the same HERS gallery store as the encrypted-probe search.
 */
public final class PlaintextProbeSearchWeakerThreatModel {

  private final ServerBackend backend;
  private final RecordScan scan;

  /** A server scoring clear probes on {@code threads} threads. */
  public PlaintextProbeSearchWeakerThreatModel(ServerBackend backend, int threads) {
    this.backend = backend;
    this.scan = new RecordScan(backend, threads);
  }

  /** Scores the HERS gallery in {@code galleryDir} against the clear {@code probe}. */
  public SearchReport search(Path galleryDir, float[] probe, Path scoresFile, ProgressListener progress)
      throws IOException {
    if (backend.freshLevel() < 1) {
      throw new IllegalArgumentException("the plaintext-probe mode rescales its scores once, and the parameters "
          + backend.describeParameters() + " have no prime to rescale by; use a preset with two q primes"
          + " (SEARCH_N4096 or SEARCH_N8192) for it");
    }
    try (RecordSet gallery = GalleryStore.openRecords(galleryDir, backend)) {
      EncryptedSearchServer.requireDimensionMajor(gallery.header(), null, probe.length, gallery.file());
      OperationCounter counter = new OperationCounter();
      float[] values = probe.clone();
      PayloadEncoding encoding = gallery.header().payloadEncoding();
      return scan.run(gallery, () -> new ClearProbeScorer(values, counter, encoding), 1, backend.scoreLevel(),
          scoresFile, counter, progress);
    }
  }

  /** Per-thread scorer of one block against a clear probe. */
  private final class ClearProbeScorer implements RecordScorer {
    private final float[] probe;
    private final OperationCounter counter;
    private final BlockEvaluator evaluator = backend.newEvaluator();
    private final BackendCiphertext column = backend.newCiphertext(1, backend.freshLevel());
    private final BackendCiphertext accumulator = backend.newCiphertext(1, backend.freshLevel());

    private final PayloadEncoding encoding;

    ClearProbeScorer(float[] probe, OperationCounter counter, PayloadEncoding encoding) {
      this.encoding = encoding;
      this.probe = probe;
      this.counter = counter;
    }

    @Override
    public void score(ByteBuffer payload, int items, BackendCiphertext score) {
      evaluator.clear(accumulator);
      for (float p : probe) {
        backend.readPayload(payload, column, encoding);
        evaluator.multiplyConstantAccumulate(column, p, accumulator);
      }
      evaluator.rescale(accumulator, score);
      counter.add(probe.length, probe.length, 0, 1, 0);
    }
  }
}
