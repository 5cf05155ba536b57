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
import java.util.stream.IntStream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.io.Sha256;
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
import org.hersj.fhe.search.store.RecordSet;
import org.hersj.fhe.search.store.ShardManifest;

/**
 * Distributed HERS search: the server's evaluation keys (once per instance: later searches with the same keys
 * reuse the broadcast) and the encrypted probe (once per search) are broadcast, each
 * task scores one gallery shard with {@link EncryptedSearchServer} (a {@link ServerBackend}: no task can
 * decrypt) into one scores shard, and the driver writes the scores manifest, so {@code hers rank} reads
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
    ShardManifest gallery;
    long recordBytes;
    try (RecordSet all = GalleryStore.openRecords(galleryDir, server)) {
      EncryptedProbe probe = EncryptedProbe.read(probeFile, server);
      if (!probe.kind().dimensionMajor() || probe.dimension() != all.header().layout().dimension()) {
        throw new RecordFileException(probeFile, "probe (" + probe.kind() + ", " + probe.dimension() + "-d) does not"
            + " fit the " + all.header().layout().kind() + " gallery of dimension " + all.header().layout().dimension());
      }
      gallery = ShardManifest.read(galleryDir);
      recordBytes = all.header().recordBytes();
    }
    byte[] probeBytes = Files.readAllBytes(probeFile);
    Files.createDirectories(scoresDir);
    Files.deleteIfExists(scoresDir.resolve(ShardManifest.FILE));
    int shards = gallery.shards().size();
    long keyBytes = keysSent.containsKey(keys.sha256()) ? 0 : keys.bytes();
    Broadcast<KeyBundle> sharedKeys = keysSent.computeIfAbsent(keys.sha256(), k -> sc.broadcast(keys));
    Broadcast<byte[]> sharedProbe = sc.broadcast(probeBytes);
    SearchTask task = new SearchTask(sharedKeys, sharedProbe, galleryDir.toAbsolutePath().toString(),
        scoresDir.toAbsolutePath().toString(), recordBytes, form);
    long start = System.nanoTime();
    List<TaskReport> reports;
    try (TaskProgress ignored = new TaskProgress(sc, progress, "search shards", shards)) {
      List<Integer> indices = IntStream.range(0, shards).boxed().toList();
      reports = SparkFailures.unwrap(() -> sc.parallelize(indices, shards).map(task).collect());
    } finally {
      sharedProbe.destroy();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    SparkEnrollment.removeAttempts(scoresDir);
    reports = reports.stream().sorted(Comparator.comparingInt(TaskReport::shard)).toList();
    List<ShardManifest.Shard> done = new ArrayList<>();
    for (TaskReport r : reports) {
      done.add(new ShardManifest.Shard(gallery.shards().get(r.shard()).range(), r.bytesWritten(), r.sha256()));
    }
    RecordFileHeader whole = RecordScan.scoresHeader(gallery.whole().layout(), server, form.degree(), form.level(server));
    ShardManifest scores = new ShardManifest(whole, done);
    scores.write(scoresDir);
    return new Result(scores, new StageSummary("search", reports, wall, keyBytes + probeBytes.length,
        SparkSessions.slots(sc)));
  }

  /** The probe read and prepared once per JVM (cached by its bytes' hash). */
  private record PreparedProbe(EncryptedProbe probe, BackendCiphertext[] prepared) {
  }

  private static PreparedProbe probe(byte[] bytes, ServerBackend server, long records) throws IOException {
    String key = Sha256.hex(bytes) + ":" + records;
    Object cached = PROBES.get(key);
    if (cached == null) {
      synchronized (PROBES) {
        cached = PROBES.get(key);
        if (cached == null) {
          Path file = Files.createTempFile("hers-probe-", ".hrec");
          try {
            Files.write(file, bytes);
            EncryptedProbe probe = EncryptedProbe.read(file, server);
            cached = new PreparedProbe(probe, new EncryptedSearchServer(server, 1).prepare(probe, records));
            PROBES.clear(); // one query at a time is cached
            PROBES.put(key, cached);
          } finally {
            Files.deleteIfExists(file);
          }
        }
      }
    }
    return (PreparedProbe) cached;
  }

  /** The task: score one shard. */
  private record SearchTask(Broadcast<KeyBundle> keys, Broadcast<byte[]> probeBytes, String galleryDir,
      String scoresDir, long recordBytes, ScoreForm form) implements Function<Integer, TaskReport> {

    @Override
    public TaskReport call(Integer shard) throws Exception {
      TaskContext context = TaskContext.get();
      ServerBackend server = keys.value().server();
      Path gallery = Path.of(galleryDir);
      ShardManifest manifest = ShardManifest.read(gallery);
      ShardManifest.Shard entry = manifest.shards().get(shard);
      PreparedProbe probe = probe(probeBytes.value(), server, manifest.whole().recordCount());
      Path out = Path.of(scoresDir);
      String name = entry.range().fileName(FileKind.SCORES);
      Path work = out.resolve(SparkEnrollment.ATTEMPT_PREFIX + (context == null ? "driver" : context.taskAttemptId()));
      Files.createDirectories(work);
      ThreadCpu cpu = new ThreadCpu(-1);
      SearchReport report;
      Path shardFile = manifest.fileOf(gallery, entry);
      try (RecordFileReader reader = RecordFileReader.open(shardFile, FileKind.GALLERY)) {
        if (!reader.header().equals(ShardManifest.shardHeader(manifest.whole(), entry.range()))) {
          throw new RecordFileException(shardFile, "shard header does not match the manifest (other keys, parameters,"
              + " layout or item range): the shard was replaced; restore it or enroll again");
        }
        report = new EncryptedSearchServer(server, 1).search(reader, probe.probe(), probe.prepared(),
            form, work.resolve(name), cpu);
      }
      Path target = out.resolve(name);
      Files.move(work.resolve(name), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      String executor = context == null ? "driver" : org.apache.spark.SparkEnv.get().executorId();
      return new TaskReport(shard, context == null ? 0 : context.attemptNumber(), executor, report.records(),
          report.records() * recordBytes, Files.size(target), report.seconds(), cpu.seconds(), false,
          ShardManifest.NO_DIGEST);
    }
  }
}
