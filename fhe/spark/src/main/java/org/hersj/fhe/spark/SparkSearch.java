package org.hersj.fhe.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.server.EncryptedSearchServer;
import org.hersj.fhe.search.server.RecordScan;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.server.SearchReport;
import org.hersj.fhe.search.store.EncryptedProbe;
import org.hersj.fhe.search.store.FileKind;
import org.hersj.fhe.search.store.GalleryStore;
import org.hersj.fhe.search.store.RecordFileException;
import org.hersj.fhe.search.store.RecordFileHeader;
import org.hersj.fhe.search.store.RecordFileReader;
import org.hersj.fhe.search.store.ShardManifest;
import org.hersj.fhe.search.store.ShardPlan;
import org.hersj.fhe.search.store.ShardedRecordSet;

/**
 * Distributed HERS search: the server's evaluation keys (once per instance: later searches with the same keys
 * reuse the broadcast) and the encrypted probe (once per search) are broadcast, each
 * task scores one gallery shard (on a cluster) or a run of consecutive shards (in local mode, one task per core)
 * with {@link EncryptedSearchServer} (a {@link ServerBackend}: no task can decrypt) into one scores shard, and the driver writes the scores manifest, so {@code hers rank} reads
 * the directory as one scores file. Block for block the same computation as the single-machine search.
 */
public final class SparkSearch {

  private static final Map<String, Object> PROBES = new ConcurrentHashMap<>();
  private final JavaSparkContext sc;
  /** Server keys broadcast by earlier searches of this instance, by content hash: keys are sent once per session. */
  private final Map<String, Broadcast<KeyBundle>> keysSent = new ConcurrentHashMap<>();

  /** Search on {@code sc}. */
  public SparkSearch(JavaSparkContext sc) {
    this.sc = sc;
  }

  /**
   * What the search did.
   *
   * @param manifest the scores directory's manifest
   * @param summary the stage summary
   */
  public record Result(ShardManifest manifest, StageSummary summary) {
  }

  /**
   * Scores every shard of the sharded gallery {@code galleryDir} against the probe file {@code probeFile} and
   * writes the score shards and their manifest into {@code scoresDir} (replacing earlier scores there).
   *
   * @param keys the server's key files (no secret key)
   * @param form the form of the score ciphertexts (as {@code hers search --score-form})
   * @throws RecordFileException naming the manifest or shard that is damaged or of other keys
   */
  public Result search(KeyBundle keys, Path galleryDir, Path probeFile, ScoreForm form, Path scoresDir,
      ProgressListener progress) throws IOException {
    ServerBackend server = keys.server();
    form.requireSupportedBy(server);
    if (!ShardManifest.isSharded(galleryDir)) {
      throw new RecordFileException(galleryDir, "is not a sharded gallery (no " + ShardManifest.FILE
          + "); enroll with --shards S for a distributed search, or search it without --spark-master");
    }
    Path manifestFile = galleryDir.resolve(ShardManifest.FILE);
    byte[] manifestBytes = Files.readAllBytes(manifestFile);
    ShardManifest gallery = ShardManifest.parse(manifestBytes, manifestFile);
    GalleryStore.requireGallery(gallery.whole(), server, manifestFile);
    EncryptedProbe probe = EncryptedProbe.read(probeFile, server);
    if (!probe.kind().dimensionMajor() || probe.dimension() != gallery.whole().layout().dimension()) {
      throw new RecordFileException(probeFile, "probe (" + probe.kind() + ", " + probe.dimension() + "-d) does not"
          + " fit the " + gallery.whole().layout().kind() + " gallery of dimension "
          + gallery.whole().layout().dimension());
    }
    byte[] probeBytes = Files.readAllBytes(probeFile);
    Files.createDirectories(scoresDir);
    Files.deleteIfExists(scoresDir.resolve(ShardManifest.FILE));
    List<ShardPlan.Range> groups = ShardRuns.split(gallery.shards(), tasksFor(gallery.shards().size()));
    long keyBytes = keysSent.containsKey(keys.sha256()) ? 0 : keys.bytes();
    Broadcast<KeyBundle> sharedKeys = keysSent.computeIfAbsent(keys.sha256(), k -> sc.broadcast(keys));
    Broadcast<byte[]> sharedProbe = sc.broadcast(probeBytes);
    long records = gallery.whole().recordCount();
    String probeId = sharedProbe.id() + ":" + records;
    if (sc.isLocal()) { // the executors run in this JVM: they use the probe checked and prepared here
      PROBES.clear();
      PROBES.put(probeId, new PreparedProbe(probe, new EncryptedSearchServer(server, 1).prepare(probe, records)));
    }
    SearchTask task = new SearchTask(sharedKeys, sharedProbe, probeId, galleryDir.toAbsolutePath().toString(),
        manifestBytes, scoresDir.toAbsolutePath().toString(), gallery.whole().recordBytes(), form);
    long start = System.nanoTime();
    List<TaskReport> reports;
    try (TaskProgress ignored = new TaskProgress(sc, progress, "search shards", groups.size())) {
      List<long[]> ranges = groups.stream().map(SparkSearch::pack).toList();
      reports = SparkFailures.unwrap(() -> sc.parallelize(ranges, ranges.size()).map(task).collect());
    } finally {
      sharedProbe.destroy();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    SparkEnrollment.removeAttempts(scoresDir);
    reports = reports.stream().sorted(Comparator.comparingInt(TaskReport::shard)).toList();
    List<ShardManifest.Shard> done = new ArrayList<>();
    for (TaskReport r : reports) {
      done.add(new ShardManifest.Shard(groups.get(r.shard()), r.bytesWritten(), r.sha256()));
    }
    RecordFileHeader whole = RecordScan.scoresHeader(gallery.whole().layout(), server, form.degree(), form.level(server));
    ShardManifest scores = new ShardManifest(whole, done);
    removeOtherScoreShards(scoresDir, scores);
    scores.write(scoresDir);
    return new Result(scores, new StageSummary("search", reports, wall, keyBytes + probeBytes.length,
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
  private static void removeOtherScoreShards(Path dir, ShardManifest scores) throws IOException {
    List<String> keep = scores.shards().stream().map(s -> s.range().fileName(FileKind.SCORES)).toList();
    try (var list = Files.list(dir)) {
      for (Path p : list.filter(p -> p.getFileName().toString().startsWith("scores-")
          && !keep.contains(p.getFileName().toString())).toList()) {
        Files.deleteIfExists(p);
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
            cached = new PreparedProbe(probe, new EncryptedSearchServer(server, 1).prepare(probe, records));
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
  private record SearchTask(Broadcast<KeyBundle> keys, Broadcast<byte[]> probeBytes, String probeId, String galleryDir,
      byte[] manifestBytes, String scoresDir, long recordBytes, ScoreForm form) implements Function<long[], TaskReport> {

    @Override
    public TaskReport call(long[] packed) throws Exception {
      TaskContext context = TaskContext.get();
      ServerBackend server = keys.value().server();
      Path gallery = Path.of(galleryDir);
      ShardManifest manifest = ShardManifest.parse(manifestBytes, gallery.resolve(ShardManifest.FILE));
      ShardPlan.Range group = new ShardPlan.Range((int) packed[0], packed[1], packed[2], packed[3], packed[4]);
      PreparedProbe probe = probe(probeId, probeBytes, server, manifest.whole().recordCount());
      Path out = Path.of(scoresDir);
      String name = group.fileName(FileKind.SCORES);
      Path work = out.resolve(SparkEnrollment.ATTEMPT_PREFIX + (context == null ? "driver" : context.taskAttemptId()));
      Files.createDirectories(work);
      ThreadCpu cpu = new ThreadCpu(-1);
      SearchReport report;
      try (ShardedRecordSet shards = ShardedRecordSet.openRun(gallery, manifest, group,
          shard -> RecordFileReader.open(manifest.fileOf(gallery, shard), FileKind.GALLERY))) {
        report = new EncryptedSearchServer(server, 1).search(shards, probe.probe(), probe.prepared(),
            form, work.resolve(name), cpu);
      }
      Path target = out.resolve(name);
      Files.move(work.resolve(name), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      String executor = context == null ? "driver" : org.apache.spark.SparkEnv.get().executorId();
      return new TaskReport(group.index(), context == null ? 0 : context.attemptNumber(), executor, report.records(),
          report.records() * recordBytes, Files.size(target), report.seconds(), cpu.seconds(), false,
          ShardManifest.NO_DIGEST);
    }
  }
}
