package org.hersj.fhe.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.enroll.RowRanges;
import org.hersj.fhe.search.enroll.ShardedEnroller;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.store.FileKind;
import org.hersj.fhe.search.store.GalleryStore;
import org.hersj.fhe.search.store.RecordFileException;
import org.hersj.fhe.search.store.RecordFileHeader;
import org.hersj.fhe.search.store.RecordFileReader;
import org.hersj.fhe.search.store.ShardFiles;
import org.hersj.fhe.search.store.ShardManifest;
import org.hersj.fhe.search.store.ShardPlan;

/**
 * Distributed enrollment: one Spark task per shard encrypts its row range with the broadcast public key
 * and writes its shard (complete under a per-attempt name, then renamed into place) into a directory of any
 * Hadoop file system ({@link ShardDirectory}); the driver writes the manifest when every shard is done and
 * removes the leftovers of failed attempts. Re-running keeps
 * finished shards (each verified by its checksums) and encrypts the rest.
 */
public final class SparkEnrollment {

  /** Name prefix of the per-attempt work directories inside the gallery directory. */
  static final String ATTEMPT_PREFIX = ".attempt-";

  private final JavaSparkContext sc;
  private final HadoopSettings hadoop;

  /** Enrollment on {@code sc}. */
  public SparkEnrollment(JavaSparkContext sc) {
    this.sc = sc;
    this.hadoop = new HadoopSettings(sc);
  }

  /**
   * What the run did.
   *
   * @param manifest the gallery's manifest
   * @param summary the stage summary
   */
  public record Result(ShardManifest manifest, StageSummary summary) {
  }

  /** As {@link #enroll(KeyBundle, RowRanges, LayoutKind, int, String, int, int, ProgressListener)} into a local directory. */
  public Result enroll(KeyBundle keys, RowRanges rows, LayoutKind kind, int shards, Path dir, int threadsPerTask,
      int failFirstAttemptOfShard, ProgressListener progress) throws IOException {
    return enroll(keys, rows, kind, shards, dir.toString(), threadsPerTask, failFirstAttemptOfShard, progress);
  }

  /**
   * Enrolls {@code rows} as {@code shards} shards into the directory {@code location}: a directory URI of any
   * Hadoop file system ({@code hdfs://nn/galleries/g}, {@code s3a://bucket/g}, {@code file:///data/g}) or a local path.
   *
   * @param keys the enroller's key files (public key; no secret key)
   * @param failFirstAttemptOfShard a test hook: the first attempt of this shard fails half-way (-1: none)
   * @throws RecordFileException if the directory already holds a complete gallery, or a shard there is damaged
   */
  public Result enroll(KeyBundle keys, RowRanges rows, LayoutKind kind, int shards, String location,
      int threadsPerTask, int failFirstAttemptOfShard, ProgressListener progress) throws IOException {
    Broadcast<SerializableConfiguration> conf = hadoop.get();
    ShardDirectory dir = ShardDirectory.open(location, conf.value().value());
    if (dir.exists(ShardManifest.FILE) || dir.exists(GalleryStore.RECORDS_FILE)) {
      throw new RecordFileException(dir.name(), "already holds a complete gallery; delete the directory to enroll"
          + " again");
    }
    ShardedEnroller local = new ShardedEnroller(keys.enroller(), threadsPerTask);
    ShardPlan plan = local.plan(rows, kind, shards);
    dir.create();
    Broadcast<KeyBundle> shared = sc.broadcast(keys);
    EnrollTask task = new EnrollTask(shared, conf, rows, kind, shards, dir.uri(), threadsPerTask,
        failFirstAttemptOfShard);
    long start = System.nanoTime();
    List<TaskReport> reports;
    try (TaskProgress ignored = new TaskProgress(sc, progress, "enroll shards", shards)) {
      List<Integer> indices = IntStream.range(0, shards).boxed().toList();
      reports = SparkFailures.unwrap(() -> sc.parallelize(indices, shards).map(task).collect());
    } finally {
      shared.destroy();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    dir.removeAttempts();
    List<ShardManifest.Shard> done = new ArrayList<>();
    reports = reports.stream().sorted(Comparator.comparingInt(TaskReport::shard)).toList();
    for (TaskReport r : reports) {
      ShardPlan.Range range = plan.shards().get(r.shard());
      done.add(new ShardManifest.Shard(range, r.bytesWritten(), r.sha256()));
    }
    ShardManifest manifest = new ShardManifest(local.wholeHeader(plan), done);
    dir.write(ShardManifest.FILE, manifest.encode());
    return new Result(manifest, new StageSummary("enroll", reports, wall, keys.bytes(), SparkSessions.slots(sc)));
  }

  /**
   * Checks the shard {@code name} of {@code dir} (header {@code expected}, every record's CRC32C) and returns its
   * entry with its SHA-256.
   */
  static ShardManifest.Shard verify(ShardDirectory dir, String name, RecordFileHeader expected, ShardPlan.Range range)
      throws IOException {
    try (RecordFileReader reader = dir.open(name, expected.kind())) {
      ShardFiles.verifyRecords(reader, expected);
    }
    return new ShardManifest.Shard(range, dir.size(name), dir.sha256(name));
  }

  /** The task: enroll one shard. */
  private record EnrollTask(Broadcast<KeyBundle> keys, Broadcast<SerializableConfiguration> hadoop, RowRanges rows,
      LayoutKind kind, int shards, String location, int threads, int failShard)
      implements Function<Integer, TaskReport> {

    @Override
    public TaskReport call(Integer shard) throws Exception {
      long start = System.nanoTime();
      TaskContext context = TaskContext.get();
      int attempt = context == null ? 0 : context.attemptNumber();
      ShardedEnroller enroller = new ShardedEnroller(keys.value().enroller(), threads);
      ShardPlan plan = enroller.plan(rows, kind, shards);
      ShardPlan.Range range = plan.shards().get(shard);
      ThreadCpu cpu = new ThreadCpu(shard == failShard && attempt == 0 ? Math.max(1, range.records() / 2) : -1);
      ShardDirectory dir = ShardDirectory.open(location, hadoop.value().value());
      String name = range.fileName(FileKind.GALLERY);
      RecordFileHeader header = ShardManifest.shardHeader(enroller.wholeHeader(plan), range);
      String executor = context == null ? "driver" : org.apache.spark.SparkEnv.get().executorId();
      if (dir.exists(name)) {
        ShardManifest.Shard kept = verify(dir, name, header, range);
        return report(shard, attempt, executor, range, kept, start, cpu, true);
      }
      String attemptId = context == null ? "driver" : String.valueOf(context.taskAttemptId());
      Path work = dir.workDir(attemptId);
      try {
        ShardedEnroller.ShardOutcome out = enroller.enrollShard(rows, plan, range, work, work, cpu);
        if (!dir.publish(work.resolve(name), attemptId, name, false)) { // another attempt finished first
          return report(shard, attempt, executor, range, verify(dir, name, header, range), start, cpu, true);
        }
        return report(shard, attempt, executor, range, out.shard(), start, cpu, false);
      } finally {
        dir.release(work);
      }
    }

    private static TaskReport report(int shard, int attempt, String executor, ShardPlan.Range range,
        ShardManifest.Shard done, long start, ThreadCpu cpu, boolean resumed) {
      return new TaskReport(shard, attempt, executor, range.records(), 0, done.bytes(),
          (System.nanoTime() - start) / 1e9, cpu.seconds(), resumed, done.sha256());
    }
  }
}
