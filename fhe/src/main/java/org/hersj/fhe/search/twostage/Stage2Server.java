package org.hersj.fhe.search.twostage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.Workers;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.BlockEvaluator;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.baseline.Boddeti2018Search;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.layout.OperationCounter;
import org.hersj.fhe.search.store.EncryptedProbe;
import org.hersj.fhe.search.store.GalleryStore;
import org.hersj.fhe.search.store.RecordBuffer;
import org.hersj.fhe.search.store.RecordFileException;
import org.hersj.fhe.search.store.RecordFileReader;

/**
 * The server's stage 2: scores an arbitrary set of candidate items of a packed full-dimension gallery
 * against a tiled probe, reading only the records that hold candidates (random access by record
 * index, each record's framing and checksum verified). Per touched record: one product with
 * relinearisation, rotate-and-sum within every segment of p slots (log2 p rotations), one rescale.
 * Built from a {@link ServerBackend} (evaluation keys with rotation keys 1, 2, ..., p/2).
 */
public final class Stage2Server {

  private final ServerBackend backend;
  private final int threads;

  /** A stage-2 server scoring on {@code threads} threads. */
  public Stage2Server(ServerBackend backend, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.backend = backend;
    this.threads = threads;
  }

  /**
   * Scores the records of the packed gallery in {@code packedDir} that hold any of {@code candidates}.
   *
   * @throws RecordFileException if the gallery is damaged, made under other parameters or keys, not in
   *     the packed layout, or of another dimension than the probe
   * @throws IllegalArgumentException if a candidate index is outside the gallery
   * @throws IllegalStateException if the evaluation keys lack the rotation keys
   */
  public Stage2Response score(Path packedDir, EncryptedProbe tiledProbe, long[] candidates,
      ProgressListener progress) throws IOException {
    return score(packedDir, tiledProbe, candidates, Stage2Form.SERVER_SUMS, progress);
  }

  /**
   * Like {@link #score(Path, EncryptedProbe, long[], ProgressListener)} with the explicit choice of who
   * sums the segments ({@link Stage2Form#CLIENT_SUMS} skips the rotations and needs no rotation keys).
   */
  public Stage2Response score(Path packedDir, EncryptedProbe tiledProbe, long[] candidates, Stage2Form form,
      ProgressListener progress) throws IOException {
    long start = System.nanoTime();
    try (RecordFileReader gallery = GalleryStore.open(packedDir, backend)) {
      GalleryLayout layout = gallery.header().layout();
      requirePacked(layout, tiledProbe, gallery.file());
      int p = GalleryLayout.paddedDimension(layout.dimension());
      int[] steps = form == Stage2Form.SERVER_SUMS ? Boddeti2018Search.rotationSteps(layout.dimension())
          : new int[0];
      if (!backend.hasRotationKeys(steps)) {
        throw new IllegalStateException("the evaluation keys lack the rotation keys 1, 2, ..., " + p / 2
            + " that stage 2 of " + layout.dimension() + "-d features needs; generate them with "
            + "TwoStageSearch.rotationSteps(" + layout.dimension() + ")");
      }
      long[] records = CandidateSet.of(candidates, layout).records();
      BackendCiphertext[] scores = new BackendCiphertext[records.length];
      OperationCounter counter = new OperationCounter();
      LongAdder cpuNanos = new LongAdder();
      AtomicInteger next = new AtomicInteger();
      AtomicInteger finished = new AtomicInteger();
      BackendCiphertext probe = tiledProbe.ciphertexts().get(0);
      Workers.runOnThreads(Math.min(threads, records.length), "stage-2 scoring", () -> {
        BlockEvaluator evaluator = backend.newEvaluator();
        RecordBuffer buffer = new RecordBuffer(gallery.header());
        BackendCiphertext item = backend.newCiphertext(1, backend.freshLevel());
        BackendCiphertext product = backend.newCiphertext(1, backend.freshLevel());
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long c0 = cpu.isCurrentThreadCpuTimeSupported() ? cpu.getCurrentThreadCpuTime() : System.nanoTime();
        for (int r = next.getAndIncrement(); r < records.length; r = next.getAndIncrement()) {
          gallery.read(records[r], buffer);
          backend.readPayload(buffer.payload(), item);
          evaluator.multiplyRelinearize(probe, item, product);
          if (form == Stage2Form.SERVER_SUMS) {
            evaluator.sumFirstSlots(product, p);
          }
          BackendCiphertext score = backend.newCiphertext(1, backend.scoreLevel());
          evaluator.rescale(product, score);
          scores[r] = score;
          counter.add(1, 1, 1, 1, steps.length);
          progress.progress("stage 2", finished.incrementAndGet(), records.length);
        }
        long c1 = cpu.isCurrentThreadCpuTimeSupported() ? cpu.getCurrentThreadCpuTime() : System.nanoTime();
        cpuNanos.add(c1 - c0);
      });
      return new Stage2Response(layout, form, records, Arrays.asList(scores),
          backend.payloadBytes(1, backend.scoreLevel()), (System.nanoTime() - start) / 1e9,
          cpuNanos.sum() / 1e9, counter.snapshot());
    }
  }

  private static void requirePacked(GalleryLayout layout, EncryptedProbe probe, Path file)
      throws RecordFileException {
    if (layout.kind() != LayoutKind.PACKED_ITEMS) {
      throw new RecordFileException(file, "gallery is in the " + layout.kind() + " layout; stage 2 needs "
          + "the full-dimension gallery enrolled in the " + LayoutKind.PACKED_ITEMS + " layout");
    }
    if (probe.kind() != LayoutKind.PACKED_ITEMS) {
      throw new RecordFileException(file, "the probe was encrypted for the " + probe.kind()
          + " layout; encrypt the stage-2 probe with TwoStageClient.encryptTiledProbe");
    }
    if (layout.dimension() != probe.dimension()) {
      throw new RecordFileException(file, "gallery dimension " + layout.dimension()
          + " does not match stage-2 probe dimension " + probe.dimension());
    }
  }
}
