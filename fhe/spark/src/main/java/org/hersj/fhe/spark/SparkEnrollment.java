package org.hersj.fhe.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.enroll.RowRanges;
import org.hersj.fhe.search.enroll.ShardedEnroller;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.store.ShardManifest;
import org.hersj.fhe.search.store.ShardPlan;

/**
 * Distributed enrollment: one Spark task per shard encrypts its row range with the broadcast public key
 * and writes its shard (per-attempt temporary directory, then an atomic rename); the driver writes the
 * manifest when every shard is done and removes the leftovers of failed attempts. Re-running keeps
 * finished shards (each verified by its checksums) and encrypts the rest.
 */
public final class SparkEnrollment {

  /** Name prefix of the per-attempt work directories inside the gallery directory. */
  static final String ATTEMPT_PREFIX = ".attempt-";

  private final JavaSparkContext sc;

  /** Enrollment on {@code sc}. */
  public SparkEnrollment(JavaSparkContext sc) {
    this.sc = sc;
  }

  /**
   * What the run did.
   *
   * @param manifest the gallery's manifest
   * @param summary the stage summary
   */
  public record Result(ShardManifest manifest, StageSummary summary) {
  }

  /**
   * Enrolls {@code rows} as {@code shards} shards into {@code dir}.
   *
   * @param keys the enroller's key files (public key; no secret key)
   * @param failFirstAttemptOfShard a test hook: the first attempt of this shard fails half-way (-1: none)
   */
  public Result enroll(KeyBundle keys, RowRanges rows, LayoutKind kind, int shards, Path dir, int threadsPerTask,
      int failFirstAttemptOfShard, ProgressListener progress) throws IOException {
    ShardedEnroller.requireNotComplete(dir);
    ShardedEnroller local = new ShardedEnroller(keys.enroller(), threadsPerTask);
    ShardPlan plan = local.plan(rows, kind, shards);
    Files.createDirectories(dir);
    Broadcast<KeyBundle> shared = sc.broadcast(keys);
    EnrollTask task = new EnrollTask(shared, rows, kind, shards, dir.toAbsolutePath().toString(), threadsPerTask,
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
    removeAttempts(dir);
    List<ShardManifest.Shard> done = new ArrayList<>();
    reports = reports.stream().sorted(Comparator.comparingInt(TaskReport::shard)).toList();
    for (TaskReport r : reports) {
      ShardPlan.Range range = plan.shards().get(r.shard());
      done.add(new ShardManifest.Shard(range, r.bytesWritten(), r.sha256()));
    }
    ShardManifest manifest = new ShardManifest(local.wholeHeader(plan), done);
    manifest.write(dir);
    return new Result(manifest, new StageSummary("enroll", reports, wall, keys.bytes(), SparkSessions.slots(sc)));
  }

  /** Deletes the work directories of task attempts (all tasks have finished). */
  static void removeAttempts(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : list.filter(p -> p.getFileName().toString().startsWith(ATTEMPT_PREFIX)).toList()) {
        try (Stream<Path> inside = Files.walk(p)) {
          for (Path f : inside.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(f);
          }
        }
      }
    }
  }

  /** The task: enroll one shard. */
  private record EnrollTask(Broadcast<KeyBundle> keys, RowRanges rows, LayoutKind kind, int shards, String dir,
      int threads, int failShard) implements Function<Integer, TaskReport> {

    @Override
    public TaskReport call(Integer shard) throws Exception {
      TaskContext context = TaskContext.get();
      int attempt = context == null ? 0 : context.attemptNumber();
      ShardedEnroller enroller = new ShardedEnroller(keys.value().enroller(), threads);
      ShardPlan plan = enroller.plan(rows, kind, shards);
      ShardPlan.Range range = plan.shards().get(shard);
      ThreadCpu cpu = new ThreadCpu(shard == failShard && attempt == 0 ? Math.max(1, range.records() / 2) : -1);
      Path gallery = Path.of(dir);
      Path work = gallery.resolve(ATTEMPT_PREFIX + (context == null ? "driver" : context.taskAttemptId()));
      ShardedEnroller.ShardOutcome out = enroller.enrollShard(rows, plan, range, gallery, work, cpu);
      String executor = context == null ? "driver" : org.apache.spark.SparkEnv.get().executorId();
      return new TaskReport(shard, attempt, executor, range.records(), 0, out.shard().bytes(), out.seconds(),
          cpu.seconds(), out.resumed(), out.shard().sha256());
    }
  }

}
