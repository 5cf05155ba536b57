package org.hersj.experiments.bench.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.hersj.fhe.search.ProcessCpuClock;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.client.SearchClient;
import org.hersj.fhe.search.client.TopK;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.SyntheticRows;
import org.hersj.fhe.search.server.SearchReport;
import org.hersj.fhe.search.service.SearchServer;
import org.hersj.fhe.search.store.EncryptedProbe;
import org.hersj.fhe.search.store.GalleryStore;

/**
 * Runs the search scaling benchmark: for each gallery size, enroll synthetic unit vectors to disk,
 * then time the full search path as the CLI roles run it (probe encryption and probe file, server
 * scoring streamed from the store into a scores file, client decryption and top-k), and fit a line
 * through the end-to-end times. Timings are wall-clock on a possibly shared machine: noisy.
 */
public final class SearchBenchmark {

  /** Plaintext timing is measured on at most this many rows in memory and scaled linearly. */
  static final int PLAINTEXT_SAMPLE_ROWS = 1_000_000;

  private final ClientBackend client;
  private final ServerBackend server;
  private final EncryptionBackend galleryEncryption;

  /** A benchmark with the key owner's and the server's backends of one key pair; the key owner enrolls. */
  public SearchBenchmark(ClientBackend client, ServerBackend server) {
    this(client, server, client);
  }

  /**
   * A benchmark whose galleries are encrypted by {@code galleryEncryption}: the key owner ({@code client}, secret
   * key, seeded records) or an enroller with the public key of the same key pair.
   */
  public SearchBenchmark(ClientBackend client, ServerBackend server, EncryptionBackend galleryEncryption) {
    if (!client.keyFingerprint().equals(server.keyFingerprint())
        || !client.keyFingerprint().equals(galleryEncryption.keyFingerprint())) {
      throw new IllegalArgumentException("client, server and enroller backends belong to different keys");
    }
    this.client = client;
    this.server = server;
    this.galleryEncryption = galleryEncryption;
  }

  /** @return whether the galleries are encrypted with the public key (an enroller without the secret key) */
  public boolean publicKeyGalleries() {
    return !(galleryEncryption instanceof ClientBackend);
  }

  /** Measures every size of {@code config}; progress stages are "enroll", "search", "decrypt", "benchmark". */
  public SearchBenchmarkResult run(SearchBenchmarkConfig config, ProgressListener progress) throws IOException {
    Files.createDirectories(config.workDir());
    List<SearchBenchmarkRow> rows = new ArrayList<>();
    int done = 0;
    for (long n : config.sizes()) {
      rows.add(measure(config, n, progress));
      progress.progress("benchmark", ++done, config.sizes().size());
    }
    LinearExtrapolation fit = LinearExtrapolation.fit(rows.stream().map(SearchBenchmarkRow::items).toList(),
        rows.stream().map(SearchBenchmarkRow::totalSeconds).toList());
    SearchBenchmarkRow largest = rows.get(rows.size() - 1);
    return new SearchBenchmarkResult(server.describeParameters(), rows, largest.blockScoreSeconds(), fit);
  }

  private SearchBenchmarkRow measure(SearchBenchmarkConfig config, long n, ProgressListener progress)
      throws IOException {
    Path work = Files.createTempDirectory(config.workDir(), "search-" + n + "x" + config.dimension() + "-");
    try {
      Path store = work.resolve("gallery");
      int d = config.dimension();
      double enroll = new GalleryEnroller(galleryEncryption, config.threads(), 64)
          .enroll(new SyntheticRows(n, d, config.seed()), config.layout(), store, progress).seconds();
      long galleryBytes = Files.size(GalleryStore.recordsFile(store));
      float[] probe = probeFor(config);
      SearchClient searchClient = new SearchClient(client, config.threads());
      Path scores = work.resolve("scores.hrec");
      double best = Double.POSITIVE_INFINITY;
      double[] parts = new double[3];
      SearchReport report = null;
      SearchReport fastest = null;
      double cpu = 0;
      for (int rep = 0; rep < config.repetitions(); rep++) {
        long c0 = ProcessCpuClock.nanos();
        long t0 = System.nanoTime();
        EncryptedProbe onServer = null;
        if (!config.plaintextProbe()) {
          Path probeFile = work.resolve("probe.hrec");
          searchClient.encryptProbe(probe, config.layout()).write(probeFile, client);
          onServer = EncryptedProbe.read(probeFile, server);
        }
        long t1 = System.nanoTime();
        report = search(config, store, onServer, probe, scores, progress);
        long t2 = System.nanoTime();
        searchClient.topK(scores, config.topK(), progress);
        long t3 = System.nanoTime();
        long c3 = ProcessCpuClock.nanos();
        double total = (t3 - t0) / 1e9;
        if (total < best) {
          best = total;
          cpu = (c3 - c0) / 1e9;
          fastest = report;
          parts[0] = (t1 - t0) / 1e9;
          parts[1] = (t2 - t1) / 1e9;
          parts[2] = (t3 - t2) / 1e9;
        }
      }
      long scoresBytes = Files.size(scores);
      double error = n <= config.checkAccuracyUpTo()
          ? maxAbsError(searchClient.allScores(scores, ProgressListener.NONE), probe, config) : Double.NaN;
      String mode = config.modeLabel(fastest.readMode()) + (publicKeyGalleries() ? "-public-key-gallery" : "");
      return new SearchBenchmarkRow(mode, n, d, config.threads(), fastest.records(), galleryBytes,
          enroll, parts[0], parts[1], parts[2], fastest.secondsPerRecord(), fastest.readSeconds() / fastest.records(),
          cpu, plaintextSeconds(n, probe, config), error, fastest.operations(), scoresBytes);
    } finally {
      deleteTree(work);
    }
  }

  private SearchReport search(SearchBenchmarkConfig config, Path store, EncryptedProbe probe, float[] clear,
      Path scores, ProgressListener progress) throws IOException {
    SearchServer searchServer = new SearchServer(server, config.threads(), config.readMode());
    return config.plaintextProbe() ? searchServer.searchClearProbeWeakerThreatModel(store, clear, scores, progress)
        : searchServer.search(store, probe, config.form(), scores, progress);
  }


  private static float[] probeFor(SearchBenchmarkConfig config) {
    float[] probe = new float[config.dimension()];
    SyntheticRows.fill(~config.seed(), 0, probe);
    return probe;
  }

  private static double maxAbsError(double[] scores, float[] probe, SearchBenchmarkConfig config) {
    float[] row = new float[probe.length];
    double max = 0;
    for (int i = 0; i < scores.length; i++) {
      SyntheticRows.fill(config.seed(), i, row);
      max = Math.max(max, Math.abs(dot(row, probe) - scores[i]));
    }
    return max;
  }

  /** Plaintext inner products and top-k over min(n, 10^6) rows in memory, scaled linearly to n. */
  private static double plaintextSeconds(long n, float[] probe, SearchBenchmarkConfig config) {
    int sample = (int) Math.min(n, PLAINTEXT_SAMPLE_ROWS);
    float[] rows = new float[sample * probe.length];
    float[] row = new float[probe.length];
    for (int i = 0; i < sample; i++) {
      SyntheticRows.fill(config.seed(), i, row);
      System.arraycopy(row, 0, rows, i * probe.length, probe.length);
    }
    double best = Double.POSITIVE_INFINITY;
    for (int rep = 0; rep < 3; rep++) {
      long t0 = System.nanoTime();
      TopK top = new TopK(config.topK());
      for (int i = 0; i < sample; i++) {
        double s = 0;
        int at = i * probe.length;
        for (int j = 0; j < probe.length; j++) {
          s += rows[at + j] * probe[j];
        }
        top.offer(i, s);
      }
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    return best * n / sample;
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += (double) a[j] * b[j];
    }
    return s;
  }

  /** Deletes {@code root} and everything under it (benchmark work directories); absent is fine. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
