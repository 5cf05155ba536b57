package org.hersj.fhe.search.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.Workers;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.OperationCounter;
import org.hersj.fhe.search.store.FileKind;
import org.hersj.fhe.search.store.RecordBuffer;
import org.hersj.fhe.search.store.RecordFileHeader;
import org.hersj.fhe.search.store.RecordFileReader;
import org.hersj.fhe.search.store.RecordFileWriter;

/**
 * The parallel scan shared by every search mode: worker threads take records of the gallery in
 * order, read and verify each one, score it with their own {@link RecordScorer} and write the score
 * ciphertext to its fixed place in the scores file. The gallery is streamed (positional reads), so
 * its size is bounded by the disk, not the RAM.
 */
public final class RecordScan {

  private final ServerBackend backend;
  private final int threads;

  /** A scan on {@code threads} threads with {@code backend}. */
  public RecordScan(ServerBackend backend, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.backend = backend;
    this.threads = threads;
  }

  /**
   * The header of a scores file for {@code layout} with score ciphertexts of {@code degree} at
   * {@code level}.
   */
  public static RecordFileHeader scoresHeader(GalleryLayout layout, ServerBackend backend, int degree,
      int level) {
    return new RecordFileHeader(FileKind.SCORES, backend.engineName(),
        backend.parameterFingerprint(), backend.keyFingerprint(),
        backend.describeParameters(), layout, layout.recordCount(), 1, degree, level,
        backend.payloadBytes(degree, level, backend.preferredEncoding()), backend.preferredEncoding());
  }

  /**
   * Scores every record of {@code gallery} into a new scores file {@code scoresFile} (replacing an
   * old one) holding ciphertexts of {@code scoreDegree} at {@code scoreLevel}.
   */
  public SearchReport run(RecordFileReader gallery, RecordScorer.Factory scorers, int scoreDegree,
      int scoreLevel, Path scoresFile, OperationCounter counter, ProgressListener progress) throws IOException {
    long start = System.nanoTime();
    GalleryLayout layout = gallery.header().layout();
    RecordFileHeader outHeader = scoresHeader(layout, backend, scoreDegree, scoreLevel);
    Files.deleteIfExists(scoresFile);
    Files.deleteIfExists(RecordFileWriter.partFileOf(scoresFile));
    Files.deleteIfExists(RecordFileWriter.journalFileOf(scoresFile));
    long total = layout.recordCount();
    try (RecordFileWriter writer = RecordFileWriter.open(scoresFile, outHeader,
        (int) Math.min(Integer.MAX_VALUE, total))) {
      AtomicLong next = new AtomicLong();
      AtomicLong finished = new AtomicLong();
      LongAdder readNanos = new LongAdder();
      LongAdder scoreNanos = new LongAdder();
      Workers.runOnThreads(threads, "search", () -> {
        RecordScorer scorer = scorers.newScorer();
        RecordBuffer in = new RecordBuffer(gallery.header());
        RecordBuffer out = new RecordBuffer(outHeader);
        BackendCiphertext score = backend.newCiphertext(scoreDegree, scoreLevel);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        boolean cpuTime = cpu.isCurrentThreadCpuTimeSupported();
        for (long r = next.getAndIncrement(); r < total; r = next.getAndIncrement()) {
          long t0 = cpuTime ? cpu.getCurrentThreadCpuTime() : System.nanoTime();
          gallery.read(r, in);
          long t1 = cpuTime ? cpu.getCurrentThreadCpuTime() : System.nanoTime();
          scorer.score(in.payload(), in.items(), score);
          long t2 = cpuTime ? cpu.getCurrentThreadCpuTime() : System.nanoTime();
          readNanos.add(t1 - t0);
          scoreNanos.add(t2 - t1);
          backend.writePayload(out.payload(), score, outHeader.payloadEncoding());
          writer.write(r, in.items(), out);
          progress.progress("search", finished.incrementAndGet(), total);
        }
      });
      writer.finish();
      double seconds = (System.nanoTime() - start) / 1e9;
      return new SearchReport(layout.itemCount(), layout.dimension(), total, seconds, readNanos.sum() / 1e9,
          scoreNanos.sum() / 1e9, counter.snapshot());
    }
  }
}
