package org.hersj.experiments.bench.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.hersj.fhe.search.ProcessCpuClock;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.client.Match;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.client.SearchClient;
import org.hersj.fhe.search.engine.SearchEngine;
import org.hersj.fhe.search.engine.SearchKeySet;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.RowRanges;
import org.hersj.fhe.search.enroll.SyntheticRows;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.service.SearchServer;
import org.hersj.fhe.search.store.EncryptedProbe;
import org.hersj.fhe.spark.KeyBundle;
import org.hersj.fhe.spark.SparkCluster;
import org.hersj.fhe.spark.SparkSearch;
import org.hersj.fhe.spark.StageSummary;

/**
 * The single-machine search beside the same search on Spark: per size, one sharded gallery (enrolled on
 * Spark), searched {@code reps} times by {@link SearchServer} on this machine and by
 * {@link SparkSearch} (one session: the server keys are broadcast by the first search only), alternately; both
 * are timed around the whole call (reading the manifest and probe, the job, writing the scores); the fastest of
 * each is kept, with process CPU seconds (in local mode the executors
 * run in this process, so the CPU figure includes Spark's own work) and the decrypted scores compared.
 */
public final class ShardedSearchBenchmark {

  /**
   * One size.
   *
   * @param items gallery items
   * @param shards shards
   * @param blocks blocks (records)
   * @param galleryBytes bytes of all shards
   * @param enrollSeconds Spark enrollment wall time
   * @param singleSeconds fastest single-machine search
   * @param singleCpu process CPU of that search
   * @param sparkSeconds fastest Spark search (the whole call: manifest and probe read, broadcasts, job, manifest written)
   * @param sparkCpu process CPU of that search
   * @param sparkOverhead job wall minus task work per slot
   * @param blockCpuMs scoring CPU ms per block in the Spark tasks
   * @param broadcastBytes bytes broadcast per query (server keys + probe)
   * @param scoreBytes bytes of the score shards written
   * @param maxDifference largest |single - Spark| decrypted score
   * @param sameTop10 whether both top-10 lists are the same items
   */
  public record Row(long items, int shards, long blocks, long galleryBytes, double enrollSeconds, double singleSeconds,
      double singleCpu, double sparkSeconds, double sparkCpu, double sparkOverhead, double blockCpuMs,
      long broadcastBytes, long scoreBytes, double maxDifference, boolean sameTop10) {

    /** Spark time over single-machine time. */
    public double ratio() {
      return sparkSeconds / singleSeconds;
    }
  }

  private final SearchEngine engine;
  private final SearchKeySet keys;
  private final ClientBackend client;
  private final ScoreForm form;
  private final SparkCluster spark;

  /** A benchmark of {@code keys} of {@code engine} with scores in {@code form} on {@code spark}. */
  public ShardedSearchBenchmark(SearchEngine engine, SearchKeySet keys, ScoreForm form, SparkCluster spark) {
    this.engine = engine;
    this.keys = keys;
    this.client = keys.client().withoutNoiseFlooding(); // both searches' scores are compared as computed
    this.form = form;
    this.spark = spark;
  }

  /** Runs every size (at most one shard per block); galleries go under {@code work} and are deleted afterwards. */
  public List<Row> run(List<Long> sizes, int dims, int shards, int threads, int reps, long seed, Path work,
      ProgressListener progress) throws IOException {
    Path root = Files.createTempDirectory(Files.createDirectories(work), "hers-sharded-bench-");
    try {
      KeyBundle server = KeyBundle.read(serverKeyDir(root));
      List<Row> rows = new ArrayList<>();
      for (long size : sizes) {
        rows.add(runSize(server, size, dims, shards, threads, reps, seed, root.resolve("n" + size), progress));
      }
      return rows;
    } finally {
      delete(root);
    }
  }

  private Row runSize(KeyBundle server, long size, int dims, int shardsWanted, int threads, int reps, long seed, Path dir,
      ProgressListener progress) throws IOException {
    LayoutKind kind = GalleryEnroller.hersLayoutFor(client);
    long perBlock = (long) client.slots() * kind.valuesPerSlot();
    int shards = (int) Math.min(shardsWanted, (size + perBlock - 1) / perBlock);
    Path gallery = dir.resolve("gallery");
    long t0 = System.nanoTime();
    var enrolled = spark.enrollment().enroll(server, RowRanges.synthetic(size, dims, seed), kind, shards, gallery, 1,
        -1, progress);
    double enrollSeconds = (System.nanoTime() - t0) / 1e9;
    float[] probe = new float[dims];
    SyntheticRows.fill(seed + 1, 0, probe);
    Path probeFile = dir.resolve("probe.hrec");
    new SearchClient(client, threads).encryptProbe(probe, kind).write(probeFile, client);
    Path singleScores = dir.resolve("single.scores");
    Path sparkScores = dir.resolve("spark-scores");
    double single = Double.MAX_VALUE;
    double singleCpu = 0;
    double sparkBest = Double.MAX_VALUE;
    double sparkCpu = 0;
    StageSummary best = null;
    for (int r = 0; r < reps; r++) {
      long c0 = ProcessCpuClock.nanos();
      long w0 = System.nanoTime();
      new SearchServer(keys.server(), threads).search(gallery, EncryptedProbe.read(probeFile, keys.server()),
          form, singleScores, progress);
      double wall = (System.nanoTime() - w0) / 1e9;
      if (wall < single) {
        single = wall;
        singleCpu = (ProcessCpuClock.nanos() - c0) / 1e9;
      }
      c0 = ProcessCpuClock.nanos();
      w0 = System.nanoTime();
      SparkSearch.Result result = spark.search().search(server, gallery, probeFile, form, sparkScores, progress);
      wall = (System.nanoTime() - w0) / 1e9;
      if (wall < sparkBest) {
        sparkBest = wall;
        sparkCpu = (ProcessCpuClock.nanos() - c0) / 1e9;
        best = result.summary();
      }
    }
    SearchClient decrypt = new SearchClient(client, threads);
    double[] a = decrypt.allScores(singleScores, ProgressListener.NONE);
    double[] b = decrypt.allScores(sparkScores, ProgressListener.NONE);
    double diff = 0;
    for (int i = 0; i < a.length; i++) {
      diff = Math.max(diff, Math.abs(a[i] - b[i]));
    }
    boolean same = decrypt.topK(singleScores, 10, ProgressListener.NONE).stream().map(Match::item).toList()
        .equals(decrypt.topK(sparkScores, 10, ProgressListener.NONE).stream().map(Match::item).toList());
    long galleryBytes = enrolled.manifest().shards().stream().mapToLong(s -> s.bytes()).sum();
    long scoreBytes = best.tasks().stream().mapToLong(t -> t.bytesWritten()).sum();
    Row row = new Row(size, shards, best.records(), galleryBytes, enrollSeconds, single, singleCpu, sparkBest, sparkCpu,
        best.overheadSeconds(), best.cpuSeconds() / best.records() * 1e3, best.broadcastBytes(), scoreBytes, diff, same);
    delete(dir);
    return row;
  }

  /** The CSV of the rows. */
  public static String csv(List<Row> rows) {
    StringBuilder s = new StringBuilder("items,shards,blocks,gallery_bytes,enroll_s,single_s,single_cpu_s,spark_s,"
        + "spark_cpu_s,spark_over_single,spark_overhead_s,block_cpu_ms,broadcast_bytes,score_bytes,max_abs_diff,"
        + "same_top10\n");
    for (Row r : rows) {
      s.append(String.format(Locale.ROOT, "%d,%d,%d,%d,%.3f,%.4f,%.3f,%.4f,%.3f,%.3f,%.4f,%.3f,%d,%d,%.3g,%b%n",
          r.items(), r.shards(), r.blocks(), r.galleryBytes(), r.enrollSeconds(), r.singleSeconds(), r.singleCpu(),
          r.sparkSeconds(), r.sparkCpu(), r.ratio(), r.sparkOverhead(), r.blockCpuMs(), r.broadcastBytes(),
          r.scoreBytes(), r.maxDifference(), r.sameTop10()));
    }
    return s.toString();
  }

  /** A Markdown table of the rows. */
  public static String markdown(List<Row> rows, String master, String preset, int dims) {
    StringBuilder s = new StringBuilder("## Encrypted search on Spark (" + master + ") beside one machine\n\n");
    s.append(String.format(Locale.ROOT, "%d-d, %s, the same sharded gallery searched by `hers search` (one JVM) and"
        + " by `hers search --spark-master` (one task per shard); fastest of the repeats.%n%n", dims, preset));
    s.append("| items | shards | blocks | single s | single CPU s | Spark s | Spark CPU s | Spark/single | Spark"
        + " overhead s | block CPU ms | broadcast MB | max diff | same top-10 |\n");
    s.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|\n");
    for (Row r : rows) {
      s.append(String.format(Locale.ROOT, "| %,d | %d | %d | %.3f | %.2f | %.3f | %.2f | %.2f | %.3f | %.2f | %.2f |"
          + " %.1g | %s |%n", r.items(), r.shards(), r.blocks(), r.singleSeconds(), r.singleCpu(), r.sparkSeconds(),
          r.sparkCpu(), r.ratio(), r.sparkOverhead(), r.blockCpuMs(), r.broadcastBytes() / 1e6, r.maxDifference(),
          r.sameTop10() ? "yes" : "NO"));
    }
    return s.toString();
  }

  private Path serverKeyDir(Path root) throws IOException {
    Path all = root.resolve("keys-all");
    engine.writeKeys(keys, all);
    Path server = root.resolve("keys-server");
    Files.createDirectories(server);
    try (Stream<Path> files = Files.list(all)) {
      for (Path f : files.filter(f -> !f.getFileName().toString().startsWith("secret")).toList()) {
        Files.copy(f, server.resolve(f.getFileName()));
      }
    }
    delete(all);
    return server;
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
