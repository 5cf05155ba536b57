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
import org.hersj.fhe.search.store.RecordFileWriter;
import org.hersj.fhe.search.store.RecordSet;

/**
 * The parallel scan shared by every search mode: I/O threads read and verify the records of the
 * gallery ahead, in order ({@link RecordPrefetch}); worker threads score each one with their own
 * {@link RecordScorer} and write the score ciphertext to its fixed place in the scores file. The gallery is streamed (positional reads), so
 * its size is bounded by the disk, not the RAM.
 */
public final class RecordScan {

  /**
   * Threads reading gallery records ahead: a cold disk served 0.4 GB/s to one 442 KB positional read
   * at a time and 1.4 GB/s to two (dd: 1.3-1.4 GB/s), measured in bench/README.md.
   */
  static final int IO_THREADS = 4;

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
  public SearchReport run(RecordSet gallery, RecordScorer.Factory scorers, int scoreDegree,
      int scoreLevel, Path scoresFile, OperationCounter counter, ProgressListener progress) throws IOException {
    long start = System.nanoTime();
    GalleryLayout layout = gallery.header().layout();
    RecordFileHeader outHeader = scoresHeader(layout, backend, scoreDegree, scoreLevel);
    Files.deleteIfExists(scoresFile);
    long total = layout.recordCount();
    long readNanos;
    // scores are recomputed, never resumed: written without a journal or forcing (RecordFileWriter#openTransient)
    try (RecordFileWriter writer = RecordFileWriter.openTransient(scoresFile, outHeader)) {
      AtomicLong finished = new AtomicLong();
      LongAdder scoreNanos = new LongAdder();
      try (RecordPrefetch prefetch = new RecordPrefetch(gallery, IO_THREADS, IO_THREADS + 2 * threads)) {
        Workers.runOnThreads(threads, "search", () -> {
          RecordScorer scorer = scorers.newScorer();
          RecordBuffer out = new RecordBuffer(outHeader);
          BackendCiphertext score = backend.newCiphertext(scoreDegree, scoreLevel);
          ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
          boolean cpuTime = cpu.isCurrentThreadCpuTimeSupported();
          for (RecordPrefetch.Loaded in = prefetch.take(); in != null; in = prefetch.take()) {
            long t1 = cpuTime ? cpu.getCurrentThreadCpuTime() : System.nanoTime();
            scorer.score(in.buffer().payload(), in.buffer().items(), score);
            long t2 = cpuTime ? cpu.getCurrentThreadCpuTime() : System.nanoTime();
            scoreNanos.add(t2 - t1);
            int items = in.buffer().items();
            prefetch.release(in);
            backend.writePayload(out.payload(), score, outHeader.payloadEncoding());
            writer.write(in.index(), items, out);
            progress.progress("search", finished.incrementAndGet(), total);
          }
        });
        readNanos = prefetch.readNanos();
      }
      writer.finish();
      double seconds = (System.nanoTime() - start) / 1e9;
      return new SearchReport(layout.itemCount(), layout.dimension(), total, seconds, readNanos / 1e9,
          scoreNanos.sum() / 1e9, counter.snapshot(), gallery.readMode());
    }
  }
}
