package org.hersj.fhe.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.server.RecordScan;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.server.SearchReport;
import org.hersj.fhe.search.service.SearchServer;
import org.hersj.fhe.search.store.EncryptedProbe;
import org.hersj.fhe.search.store.FileKind;
import org.hersj.fhe.search.store.GalleryStore;
import org.hersj.fhe.search.store.RecordFileException;
import org.hersj.fhe.search.store.RecordFileHeader;
import org.hersj.fhe.search.store.ShardManifest;
import org.hersj.fhe.search.store.ShardPlan;
import org.hersj.fhe.search.store.ShardedRecordSet;

/**
 * Distributed HERS search: the server's evaluation keys (once per instance: later searches with the same keys
 * reuse the broadcast) and the encrypted probe (once per search) are broadcast, each
 * task scores one gallery shard (on a cluster) or a run of consecutive shards (in local mode, one task per core)
 * with {@link SearchServer} (a {@link ServerBackend}: no task can decrypt) into one scores shard, and the driver writes the scores manifest, so {@code hers rank} reads
 * the directory as one scores file. Block for block the same computation as the single-machine search.
 */
public final class SparkSearch {

  private static final Map<String, Object> PROBES = new ConcurrentHashMap<>();
  private final JavaSparkContext sc;
  /** Server keys broadcast by earlier searches of this instance, by content hash: keys are sent once per session. */
  private final Map<String, Broadcast<KeyBundle>> keysSent = new ConcurrentHashMap<>();
  private final HadoopSettings hadoop;

  /** Search on {@code sc}. */
  public SparkSearch(JavaSparkContext sc) {
    this.sc = sc;
    this.hadoop = new HadoopSettings(sc);
  }

  /**
   * What the search did.
   *
   * @param manifest the scores directory's manifest
   * @param summary the stage summary
   */
  public record Result(ShardManifest manifest, StageSummary summary) {
  }

  /** As {@link #search(KeyBundle, String, Path, ScoreForm, String, ProgressListener)} on local directories. */
  public Result search(KeyBundle keys, Path galleryDir, Path probeFile, ScoreForm form, Path scoresDir,
      ProgressListener progress) throws IOException {
    return search(keys, galleryDir.toString(), probeFile, form, scoresDir.toString(), progress);
  }

  /**
   * Scores every shard of the sharded gallery at {@code gallery} against the probe file {@code probeFile} and
   * writes the score shards and their manifest into the directory {@code scores} (replacing earlier scores there).
   * Both are directory URIs of any Hadoop file system ({@code hdfs://nn/galleries/g}, {@code s3a://bucket/g},
   * {@code file:///data/g}) or local paths.
   *
   * @param keys the server's key files (no secret key)
   * @param form the form of the score ciphertexts (as {@code hers search --score-form})
   * @throws RecordFileException naming the manifest or shard that is damaged or of other keys
   */
  public Result search(KeyBundle keys, String gallery, Path probeFile, ScoreForm form, String scores,
      ProgressListener progress) throws IOException {
    ServerBackend server = keys.server();
    form.requireSupportedBy(server);
    Broadcast<SerializableConfiguration> conf = hadoop.get();
    ShardDirectory galleryDir = ShardDirectory.open(gallery, conf.value().value());
    Path manifestFile = galleryDir.nameOf(ShardManifest.FILE);
    if (!galleryDir.exists(ShardManifest.FILE)) {
      throw new RecordFileException(galleryDir.name(), "is not a sharded gallery (no " + ShardManifest.FILE
          + "); enroll with --shards S for a distributed search, or search it without --spark-master");
    }
    byte[] manifestBytes = galleryDir.read(ShardManifest.FILE);
    ShardManifest manifest = ShardManifest.parse(manifestBytes, manifestFile);
    GalleryStore.requireGallery(manifest.whole(), server, manifestFile);
    EncryptedProbe probe = EncryptedProbe.read(probeFile, server);
    SearchServer.requireProbeFits(manifest.whole(), probe, probeFile);
    byte[] probeBytes = Files.readAllBytes(probeFile);
    ShardDirectory scoresDir = ShardDirectory.open(scores, conf.value().value());
    scoresDir.create();
    scoresDir.delete(ShardManifest.FILE);
    List<ShardPlan.Range> runs = ShardRuns.split(manifest.shards(), tasksFor(manifest.shards().size()));
    long keyBytes = keysSent.containsKey(keys.sha256()) ? 0 : keys.bytes();
    Broadcast<KeyBundle> sharedKeys = keysSent.computeIfAbsent(keys.sha256(), k -> sc.broadcast(keys));
    Broadcast<byte[]> sharedProbe = sc.broadcast(probeBytes);
    long records = manifest.whole().recordCount();
    String probeId = sharedProbe.id() + ":" + records;
    if (sc.isLocal()) { // the executors run in this JVM: they use the probe checked and prepared here
      PROBES.clear();
      PROBES.put(probeId, new PreparedProbe(probe, new SearchServer(server, 1).prepare(probe, records)));
    }
    SearchTask task = new SearchTask(sharedKeys, sharedProbe, probeId, conf, galleryDir.uri(), manifestBytes,
        scoresDir.uri(), manifest.whole().recordBytes(), form);
    long start = System.nanoTime();
    List<TaskReport> reports;
    try (TaskProgress ignored = new TaskProgress(sc, progress, "search shards", runs.size())) {
      List<long[]> ranges = runs.stream().map(SparkSearch::pack).toList();
      reports = SparkFailures.unwrap(() -> sc.parallelize(ranges, ranges.size()).map(task).collect());
    } finally {
      sharedProbe.destroy();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    scoresDir.removeAttempts();
    reports = reports.stream().sorted(Comparator.comparingInt(TaskReport::shard)).toList();
    List<ShardManifest.Shard> done = new ArrayList<>();
    for (TaskReport r : reports) {
      done.add(new ShardManifest.Shard(runs.get(r.shard()), r.bytesWritten(), r.sha256()));
    }
    RecordFileHeader whole = RecordScan.scoresHeader(manifest.whole().layout(), server, form.degree(),
        form.level(server));
    ShardManifest scored = new ShardManifest(whole, done);
    removeOtherScoreShards(scoresDir, scored);
    scoresDir.write(ShardManifest.FILE, scored.encode());
    return new Result(scored, new StageSummary("search", reports, wall, keyBytes + probeBytes.length,
        SparkSessions.slots(sc)));
  }

  /**
   * Tasks for {@code shards} shards: in local mode one per slot (each scoring a run of consecutive shards: the
   * slots are this machine's cores, and a task's fixed cost is paid once per core, not once per shard), on a
   * cluster one per shard.
   */
  private int tasksFor(int shards) {
    return sc.isLocal() ? Math.min(shards, Math.max(1, SparkSessions.slots(sc))) : shards;
  }

  private static long[] pack(ShardPlan.Range r) {
    return new long[] {r.index(), r.firstRecord(), r.records(), r.firstItem(), r.items()};
  }

  /** Deletes score shards of an earlier search of this directory that the new manifest does not list. */
  private static void removeOtherScoreShards(ShardDirectory dir, ShardManifest scores) throws IOException {
    List<String> keep = scores.shards().stream().map(s -> s.range().fileName(FileKind.SCORES)).toList();
    for (String name : dir.list()) {
      if (name.startsWith("scores-") && name.endsWith(".hrec") && !keep.contains(name)) {
        dir.delete(name);
      }
    }
  }

  /** The probe read and prepared once per JVM and query (by the probe broadcast's id). */
  private record PreparedProbe(EncryptedProbe probe, BackendCiphertext[] prepared) {
  }

  private static PreparedProbe probe(String id, Broadcast<byte[]> bytes, ServerBackend server, long records)
      throws IOException {
    Object cached = PROBES.get(id);
    if (cached == null) {
      synchronized (PROBES) {
        cached = PROBES.get(id);
        if (cached == null) {
          Path file = Files.createTempFile("hers-probe-", ".hrec");
          try {
            Files.write(file, bytes.value());
            EncryptedProbe probe = EncryptedProbe.read(file, server);
            cached = new PreparedProbe(probe, new SearchServer(server, 1).prepare(probe, records));
            PROBES.clear(); // one query at a time is cached
            PROBES.put(id, cached);
          } finally {
            Files.deleteIfExists(file);
          }
        }
      }
    }
    return (PreparedProbe) cached;
  }

  /** The task: score one run of consecutive shards (packed range: index, first record, records, first item, items). */
  private record SearchTask(Broadcast<KeyBundle> keys, Broadcast<byte[]> probeBytes, String probeId,
      Broadcast<SerializableConfiguration> hadoop, String gallery, byte[] manifestBytes, String scores,
      long recordBytes, ScoreForm form) implements Function<long[], TaskReport> {

    @Override
    public TaskReport call(long[] packed) throws Exception {
      TaskContext context = TaskContext.get();
      ServerBackend server = keys.value().server();
      ShardDirectory galleryDir = ShardDirectory.open(gallery, hadoop.value().value());
      ShardManifest manifest = ShardManifest.parse(manifestBytes, galleryDir.nameOf(ShardManifest.FILE));
      ShardPlan.Range run = new ShardPlan.Range((int) packed[0], packed[1], packed[2], packed[3], packed[4]);
      PreparedProbe probe = probe(probeId, probeBytes, server, manifest.whole().recordCount());
      ShardDirectory scoresDir = ShardDirectory.open(scores, hadoop.value().value());
      String name = run.fileName(FileKind.SCORES);
      String attempt = context == null ? "driver" : String.valueOf(context.taskAttemptId());
      Path work = scoresDir.workDir(attempt);
      try {
        ThreadCpu cpu = new ThreadCpu(-1);
        SearchReport report;
        try (ShardedRecordSet shards = ShardedRecordSet.openRun(galleryDir.name(), manifest, run,
            shard -> galleryDir.open(shard.range().fileName(FileKind.GALLERY), FileKind.GALLERY))) {
          report = new SearchServer(server, 1).search(shards, probe.probe(), probe.prepared(),
              form, work.resolve(name), cpu);
        }
        long bytes = Files.size(work.resolve(name));
        scoresDir.publish(work.resolve(name), attempt, name, true);
        String executor = context == null ? "driver" : org.apache.spark.SparkEnv.get().executorId();
        return new TaskReport(run.index(), context == null ? 0 : context.attemptNumber(), executor, report.records(),
            report.records() * recordBytes, bytes, report.seconds(), cpu.seconds(), false, ShardManifest.NO_DIGEST);
      } finally {
        scoresDir.release(work);
      }
    }
  }
}
