package org.hersj.fhe.search.baseline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.BlockEvaluator;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.layout.OperationCounter;
import org.hersj.fhe.search.server.RecordScan;
import org.hersj.fhe.search.backend.PayloadEncoding;
import org.hersj.fhe.search.server.RecordScorer;
import org.hersj.fhe.search.server.SearchReport;
import org.hersj.fhe.search.store.EncryptedProbe;
import org.hersj.fhe.search.store.GalleryStore;
import org.hersj.fhe.search.store.RecordFileException;
import org.hersj.fhe.search.store.RecordSet;

/**
 * Boddeti 2018 encrypted matching: gallery item i is one ciphertext whose first d slots hold its
 * features; its score is relinearise(probe * item), summed over the first 2^ceil(log2 d) slots by
 * rotate-and-sum (before the rescale, where the rotations' key-switching noise is relatively smallest),
 * then rescaled, leaving the score in slot 0. One score ciphertext per item.
 * Needs rotation keys for steps 1, 2, 4, ..., 2^ceil(log2 d)/2.
 */
public final class Boddeti2018Search {

  private final ServerBackend backend;
  private final RecordScan scan;

  /** A baseline server scoring on {@code threads} threads. */
  public Boddeti2018Search(ServerBackend backend, int threads) {
    this.backend = backend;
    this.scan = new RecordScan(backend, threads);
  }

  /** The rotation steps this baseline needs for {@code dimension}-d features. */
  public static int[] rotationSteps(int dimension) {
    int padded = GalleryLayout.paddedDimension(dimension);
    int[] steps = new int[Integer.numberOfTrailingZeros(padded)];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = 1 << i;
    }
    return steps;
  }

  /** Scores the Boddeti-layout gallery in {@code galleryDir} against {@code probe}. */
  public SearchReport search(Path galleryDir, EncryptedProbe probe, Path scoresFile,
      ProgressListener progress) throws IOException {
    try (RecordSet gallery = GalleryStore.open(galleryDir, backend)) {
      return search(gallery, probe, scoresFile, progress);
    }
  }

  /** Scores the open Boddeti-layout gallery {@code gallery} (a record file, one shard, or all shards). */
  public SearchReport search(RecordSet gallery, EncryptedProbe probe, Path scoresFile,
      ProgressListener progress) throws IOException {
    GalleryLayout layout = gallery.header().layout();
    if (layout.kind() != LayoutKind.BODDETI_2018 || !layout.kind().takesProbeOf(probe.kind())) {
      throw new RecordFileException(gallery.file(), "the Boddeti 2018 search needs a gallery and "
          + "a probe in that layout; found gallery " + layout.kind() + ", probe " + probe.kind());
    }
    if (layout.dimension() != probe.dimension()) {
      throw new RecordFileException(gallery.file(), "gallery dimension " + layout.dimension()
          + " does not match probe dimension " + probe.dimension());
    }
    int[] steps = rotationSteps(layout.dimension());
    if (!backend.hasRotationKeys(steps)) {
      throw new IllegalStateException("the evaluation keys lack the rotation keys 1..."
          + GalleryLayout.paddedDimension(layout.dimension()) / 2 + " the 2018 baseline needs");
    }
    OperationCounter counter = new OperationCounter();
    BackendCiphertext p = probe.ciphertexts().get(0);
    int padded = GalleryLayout.paddedDimension(layout.dimension());
    PayloadEncoding encoding = gallery.header().payloadEncoding();
    return scan.run(gallery, () -> new ItemScorer(p, padded, steps.length, counter, encoding), 1,
        backend.scoreLevel(), scoresFile, counter, progress);
  }

  /** Per-thread scorer of one item. */
  private final class ItemScorer implements RecordScorer {
    private final BackendCiphertext probe;
    private final int padded;
    private final int rotations;
    private final OperationCounter counter;
    private final BlockEvaluator evaluator = backend.newEvaluator();
    private final BackendCiphertext item = backend.newCiphertext(1, backend.freshLevel());
    private final BackendCiphertext product = backend.newCiphertext(1, backend.freshLevel());

    private final PayloadEncoding encoding;

    ItemScorer(BackendCiphertext probe, int padded, int rotations, OperationCounter counter,
        PayloadEncoding encoding) {
      this.encoding = encoding;
      this.probe = probe;
      this.padded = padded;
      this.rotations = rotations;
      this.counter = counter;
    }

    @Override
    public void score(ByteBuffer payload, int items, BackendCiphertext score) {
      backend.readPayload(payload, item, encoding);
      evaluator.multiplyRelinearize(probe, item, product);
      evaluator.sumFirstSlots(product, padded);
      evaluator.rescale(product, score);
      counter.add(1, 1, 1, 1, rotations);
    }
  }
}
