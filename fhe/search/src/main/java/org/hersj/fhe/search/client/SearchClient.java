package org.hersj.fhe.search.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.Workers;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.store.EncryptedProbe;
import org.hersj.fhe.search.store.FileKind;
import org.hersj.fhe.search.store.ParameterCheck;
import org.hersj.fhe.search.store.RecordBuffer;
import org.hersj.fhe.search.store.RecordFileHeader;
import org.hersj.fhe.search.store.RecordSet;
import org.hersj.fhe.search.store.ShardedRecordSet;

/**
 * The key owner's side of a search: encrypts probes, decrypts score files (streamed, on several
 * threads) and ranks. Scores are inner products of the enrolled rows with the probe; normalise both
 * to unit length beforehand to get cosine similarities.
 */
public final class SearchClient {

  /**
   * Margin beyond [-1, 1] a decrypted cosine score may have: CKKS error (~1e-6) and the noise flooding of
   * decryptions are orders of magnitude below it, a decryption under other keys is far above it.
   */
  public static final double UNIT_SCORE_MARGIN = 1e-2;

  private final ClientBackend backend;
  private final int threads;
  private final double scoreBound;

  /** A client with the secret-key backend {@code backend}, decrypting on {@code threads} threads. */
  public SearchClient(ClientBackend backend, int threads) {
    this(backend, threads, Double.POSITIVE_INFINITY);
  }

  private SearchClient(ClientBackend backend, int threads, double scoreBound) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.backend = backend;
    this.threads = threads;
    this.scoreBound = scoreBound;
  }

  /**
   * This client, refusing any decrypted score outside [-1 - {@value #UNIT_SCORE_MARGIN}, 1 +
   * {@value #UNIT_SCORE_MARGIN}]: the range of cosine scores of unit vectors. A score outside it means the
   * scores were not made for these keys (or not from unit vectors), so nothing is ranked.
   */
  public SearchClient requiringUnitScores() {
    return new SearchClient(backend, threads, 1 + UNIT_SCORE_MARGIN);
  }

  private void checkScore(Path file, long item, double score) {
    if (!(Math.abs(score) <= scoreBound)) {
      throw new IllegalStateException("decrypted score " + score + " of item " + item + " in " + file
          + " is outside [-" + scoreBound + ", " + scoreBound + "], the range of cosine scores (margin "
          + UNIT_SCORE_MARGIN + "): the keys and the scores do not belong together; decrypt with the client keys"
          + " of the key set the gallery and probe were encrypted under");
    }
  }

  /**
   * Encrypts {@code probe} for a gallery of {@code kind}: HERS, one ciphertext per feature with the
   * value replicated to every slot; Boddeti 2018, one ciphertext holding the features; packed items (stage 2
   * of two-stage search), one ciphertext per item segment holding the features in that segment only
   * ({@link LayoutKind#fillProbe}).
   */
  public EncryptedProbe encryptProbe(float[] probe, LayoutKind kind) {
    if (probe.length == 0) {
      throw new IllegalArgumentException("the probe has no features");
    }
    List<BackendCiphertext> cts = new ArrayList<>();
    if (kind.dimensionMajor()) {
      for (float v : probe) {
        BackendCiphertext ct = backend.newCiphertext(1, backend.freshLevel());
        backend.encryptReplicated(v, ct);
        cts.add(ct);
      }
    } else {
      new GalleryLayout(kind, 1, probe.length, backend.slots()); // checks d fits
      double[] values = new double[backend.slots()];
      for (int c = 0; c < kind.probeCiphertexts(probe.length, backend.slots()); c++) {
        kind.fillProbe(probe, c, values);
        BackendCiphertext ct = backend.newCiphertext(1, backend.freshLevel());
        backend.encryptColumn(values, ct);
        cts.add(ct);
      }
      Arrays.fill(values, 0.0);
    }
    return new EncryptedProbe(kind, probe.length, cts);
  }

  /**
   * Decrypts {@code scoresFile} (a scores file, or a directory of score shards with a manifest, as a
   * distributed search writes) and returns its {@code k} best items, best first.
   */
  public List<Match> topK(Path scoresFile, int k, ProgressListener progress) throws IOException {
    List<TopK> perThread = new ArrayList<>();
    decrypt(scoresFile, progress, layout -> {
      TopK mine = new TopK(k);
      synchronized (perThread) {
        perThread.add(mine);
      }
      return mine::offer;
    });
    TopK all = new TopK(k);
    perThread.forEach(all::merge);
    return all.result();
  }

  /** Decrypts every score of {@code scoresFile} (for galleries that fit in memory), by item index. */
  public double[] allScores(Path scoresFile, ProgressListener progress) throws IOException {
    double[][] out = new double[1][];
    decrypt(scoresFile, progress, layout -> {
      synchronized (out) {
        if (out[0] == null) {
          if (layout.itemCount() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(layout.itemCount()
                + " scores do not fit in memory; use topK instead");
          }
          out[0] = new double[(int) layout.itemCount()];
        }
        double[] scores = out[0];
        return (item, score) -> scores[(int) item] = score;
      }
    });
    return out[0];
  }

  /** Receives decrypted scores on one thread. */
  @FunctionalInterface
  private interface ScoreSink {
    void accept(long item, double score);
  }

  /** Makes one sink per decryption thread. */
  @FunctionalInterface
  private interface SinkFactory {
    ScoreSink newSink(GalleryLayout layout);
  }

  private void decrypt(Path file, ProgressListener progress, SinkFactory sinks) throws IOException {
    try (RecordSet reader = ShardedRecordSet.openEither(file, FileKind.SCORES)) {
      RecordFileHeader h = reader.header();
      ParameterCheck.requireSameParameters(h, backend, file);
      GalleryLayout layout = h.layout();
      AtomicLong next = new AtomicLong();
      AtomicLong finished = new AtomicLong();
      long total = h.recordCount();
      Workers.runOnThreads(threads, "score decryption", () -> {
        ClientBackend worker = backend.newWorker();
        ScoreSink sink = sinks.newSink(layout);
        RecordBuffer record = new RecordBuffer(h);
        BackendCiphertext ct = worker.newCiphertext(h.degree(), h.level());
        boolean pairs = layout.kind().valuesPerSlot() == 2;
        double[] slots = new double[worker.slots() * layout.kind().valuesPerSlot()];
        for (long r = next.getAndIncrement(); r < total; r = next.getAndIncrement()) {
          reader.read(r, record);
          ByteBuffer payload = record.payload();
          worker.readPayload(payload, ct, h.payloadEncoding());
          if (pairs) {
            worker.decryptPairs(ct, slots);
          } else {
            worker.decrypt(ct, slots);
          }
          int items = record.items();
          long first = layout.firstItem(r);
          if (layout.kind().dimensionMajor()) {
            for (int i = 0; i < items; i++) {
              checkScore(file, first + i, slots[i]);
              sink.accept(first + i, slots[i]);
            }
          } else {
            checkScore(file, first, slots[0]);
            sink.accept(first, slots[0]);
          }
          progress.progress("decrypt", finished.incrementAndGet(), total);
        }
        Arrays.fill(slots, 0.0);
      });
    }
  }
}
