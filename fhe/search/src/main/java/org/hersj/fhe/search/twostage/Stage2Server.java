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
 * against the client's S = slots/p segment-masked probes (masked probe g holds the probe's d features in
 * segment g only), reading only the records that hold candidates (random access by record index, each
 * record's framing and checksum verified). The candidates are split into {@link CandidateGroups} (at most
 * one per segment); per group the server sums the lazy products record(c) x maskedProbe(segment(c)) of its
 * members without relinearisation, then relinearises once and, with {@link Stage2Form#SERVER_SUMS},
 * rotates and sums within every segment once (log2 p rotations, before the rescale so that their
 * key-switching noise is divided by the dropped prime), so the score of the member at segment g lands in
 * slot g*p, then rescales. Cost per candidate: one product, plus one
 * relinearisation, rescale and log2 p rotations per group. Built from a {@link ServerBackend}
 * (evaluation keys with rotation keys 1, 2, ..., p/2 for the server-summed form).
 */
public final class Stage2Server {

  /** Groups from which the masked probes are prepared once for repeated products (as for HERS blocks). */
  private static final int PREPARE_FROM_GROUPS = 4;

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
   * Scores the candidates {@code candidates} of the packed gallery in {@code packedDir}, the server
   * summing each candidate's segment ({@link Stage2Form#SERVER_SUMS}).
   *
   * @throws RecordFileException if the gallery is damaged, made under other parameters or keys, not in
   *     the packed layout, or of another dimension or segment count than the masked probes
   * @throws IllegalArgumentException if a candidate index is outside the gallery
   * @throws IllegalStateException if the evaluation keys lack the rotation keys
   */
  public Stage2Response score(Path packedDir, EncryptedProbe maskedProbes, long[] candidates,
      ProgressListener progress) throws IOException {
    return score(packedDir, maskedProbes, candidates, Stage2Form.SERVER_SUMS, progress);
  }

  /**
   * Like {@link #score(Path, EncryptedProbe, long[], ProgressListener)} with the explicit choice of who
   * sums the segments ({@link Stage2Form#CLIENT_SUMS_REVEALS_PRODUCTS} skips the rotations and needs no rotation keys).
   */
  public Stage2Response score(Path packedDir, EncryptedProbe maskedProbes, long[] candidates, Stage2Form form,
      ProgressListener progress) throws IOException {
    long start = System.nanoTime();
    try (RecordFileReader gallery = GalleryStore.open(packedDir, backend)) {
      GalleryLayout layout = gallery.header().layout();
      requirePacked(layout, maskedProbes, gallery.file());
      int p = GalleryLayout.paddedDimension(layout.dimension());
      int[] steps = form == Stage2Form.SERVER_SUMS ? Boddeti2018Search.rotationSteps(layout.dimension())
          : new int[0];
      if (!backend.hasRotationKeys(steps)) {
        throw new IllegalStateException("the evaluation keys lack the rotation keys 1, 2, ..., " + p / 2
            + " that stage 2 of " + layout.dimension() + "-d features needs; generate them with "
            + "TwoStageSearch.rotationSteps(" + layout.dimension() + ")");
      }
      CandidateGroups groups = CandidateGroups.greedy(candidates, layout);
      int count = groups.groupCount();
      BackendCiphertext[] given = maskedProbes.ciphertexts().toArray(new BackendCiphertext[0]);
      BackendCiphertext[] masked = count >= PREPARE_FROM_GROUPS ? backend.newEvaluator().prepareFixed(given) : given;
      BackendCiphertext[] scores = new BackendCiphertext[count];
      OperationCounter counter = new OperationCounter();
      LongAdder cpuNanos = new LongAdder();
      AtomicInteger next = new AtomicInteger();
      AtomicInteger finished = new AtomicInteger();
      Workers.runOnThreads(Math.min(threads, count), "stage-2 scoring", () -> {
        BlockEvaluator evaluator = backend.newEvaluator();
        RecordBuffer buffer = new RecordBuffer(gallery.header());
        BackendCiphertext[] records = new BackendCiphertext[layout.itemsPerRecord()];
        BackendCiphertext[] probes = new BackendCiphertext[records.length];
        for (int j = 0; j < records.length; j++) {
          records[j] = backend.newCiphertext(1, backend.freshLevel());
        }
        BackendCiphertext accumulator = backend.newCiphertext(2, backend.freshLevel());
        BackendCiphertext relinearized = backend.newCiphertext(1, backend.freshLevel());
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long c0 = cpu.isCurrentThreadCpuTimeSupported() ? cpu.getCurrentThreadCpuTime() : System.nanoTime();
        for (int g = next.getAndIncrement(); g < count; g = next.getAndIncrement()) {
          long[] members = groups.members(g);
          for (int j = 0; j < members.length; j++) {
            gallery.read(members[j] / layout.itemsPerRecord(), buffer);
            backend.readPayload(buffer.payload(), records[j], gallery.header().payloadEncoding());
            probes[j] = masked[CandidateGroups.segmentOf(members[j], layout)];
          }
          evaluator.innerProduct(probes, records, members.length, accumulator);
          BackendCiphertext score = backend.newCiphertext(1, backend.scoreLevel());
          if (form == Stage2Form.SERVER_SUMS) {
            // rotate before the rescale: the rotations' key-switching noise is then divided by its prime
            evaluator.relinearize(accumulator, relinearized);
            evaluator.sumFirstSlots(relinearized, p);
            evaluator.rescale(relinearized, score);
            // the other slots hold partial sums of p products, i.e. the candidates' features: blind them
            evaluator.maskNonScoreSlots(score, p);
          } else {
            evaluator.relinearizeAndRescale(accumulator, score);
          }
          scores[g] = score;
          counter.add(members.length, members.length, 1, 1, steps.length);
          progress.progress("stage 2", finished.incrementAndGet(), count);
        }
        long c1 = cpu.isCurrentThreadCpuTimeSupported() ? cpu.getCurrentThreadCpuTime() : System.nanoTime();
        cpuNanos.add(c1 - c0);
      });
      return new Stage2Response(layout, form, groups, Arrays.asList(scores),
          backend.payloadBytes(1, backend.scoreLevel()), (System.nanoTime() - start) / 1e9,
          cpuNanos.sum() / 1e9, counter.snapshot());
    }
  }

  private static void requirePacked(GalleryLayout layout, EncryptedProbe probe, Path file)
      throws RecordFileException {
    if (layout.kind() != LayoutKind.PACKED_ITEMS) {
      throw new RecordFileException(file, "gallery is in the " + layout.kind() + " layout; stage 2 needs "
          + "the full-dimension gallery enrolled in the " + LayoutKind.PACKED_ITEMS + " layout (--layout packed)");
    }
    if (!layout.kind().takesProbeOf(probe.kind())) {
      throw new RecordFileException(file, "the probe was encrypted for the " + probe.kind()
          + " layout; encrypt the stage-2 probe with TwoStageClient.encryptMaskedProbes");
    }
    if (layout.dimension() != probe.dimension()) {
      throw new RecordFileException(file, "gallery dimension " + layout.dimension()
          + " does not match stage-2 probe dimension " + probe.dimension());
    }
    if (probe.ciphertexts().size() != layout.itemsPerRecord()) {
      throw new RecordFileException(file, "the stage-2 probe holds " + probe.ciphertexts().size()
          + " masked ciphertexts but records of this gallery have " + layout.itemsPerRecord()
          + " segments; encrypt it with TwoStageClient.encryptMaskedProbes under these parameters");
    }
  }
}
