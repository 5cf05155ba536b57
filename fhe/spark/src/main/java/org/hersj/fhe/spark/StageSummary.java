package org.hersj.fhe.spark;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The per-stage timing summary the commands print: tasks, blocks, bytes, CPU seconds per task
 * (min / median / max), task wall times, stragglers (tasks slower than 1.5x the median) and the
 * stage's wall time, whose excess over the busiest slot is Spark's own overhead.
 *
 * @param stage "enroll" or "search"
 * @param tasks one report per shard (the successful attempt)
 * @param wallSeconds wall time of the Spark job, from submission to the last result
 * @param broadcastBytes bytes broadcast to the tasks (keys, probe)
 * @param slots task slots (cores) the job ran on
 */
public record StageSummary(String stage, List<TaskReport> tasks, double wallSeconds, long broadcastBytes, int slots) {

  /** Copies the list. */
  public StageSummary {
    tasks = List.copyOf(tasks);
  }

  /** Blocks enrolled or scored. */
  public long records() {
    return tasks.stream().mapToLong(TaskReport::records).sum();
  }

  /** CPU seconds of all tasks. */
  public double cpuSeconds() {
    return tasks.stream().mapToDouble(TaskReport::cpuSeconds).sum();
  }

  /** Median task wall seconds. */
  public double medianTaskSeconds() {
    return median(tasks.stream().mapToDouble(TaskReport::wallSeconds).toArray());
  }

  /** Tasks slower than 1.5x the median. */
  public List<TaskReport> stragglers() {
    double m = medianTaskSeconds();
    return tasks.stream().filter(t -> t.wallSeconds() > 1.5 * m && t.wallSeconds() > 0.05).toList();
  }

  /** Seconds of the job not spent in task work: wall minus (sum of task wall / slots). */
  public double overheadSeconds() {
    return wallSeconds - tasks.stream().mapToDouble(TaskReport::wallSeconds).sum() / Math.max(1, slots);
  }

  /** The summary as text lines. */
  public String format() {
    double[] cpu = tasks.stream().mapToDouble(TaskReport::cpuSeconds).sorted().toArray();
    double[] wall = tasks.stream().mapToDouble(TaskReport::wallSeconds).sorted().toArray();
    long read = tasks.stream().mapToLong(TaskReport::bytesRead).sum();
    long written = tasks.stream().mapToLong(TaskReport::bytesWritten).sum();
    long retried = tasks.stream().filter(t -> t.attempt() > 0).count();
    long resumed = tasks.stream().filter(TaskReport::resumed).count();
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "%s stage: %d tasks (%d retried, %d kept from an earlier run) on %d slots,"
        + " %d blocks, %.1f MB read, %.1f MB written, %.1f kB broadcast%n", stage, tasks.size(), retried, resumed,
        slots, records(), read / 1e6, written / 1e6, broadcastBytes / 1e3));
    s.append(String.format(Locale.ROOT, "  CPU s per task min/median/max %.3f/%.3f/%.3f (total %.2f); task wall s"
        + " %.3f/%.3f/%.3f; stage wall %.3f s, Spark overhead %.3f s%n", cpu[0], median(cpu), cpu[cpu.length - 1],
        cpuSeconds(), wall[0], median(wall), wall[wall.length - 1], wallSeconds, overheadSeconds()));
    List<TaskReport> slow = stragglers();
    s.append(slow.isEmpty() ? "  stragglers: none (no task over 1.5x the median)\n"
        : "  stragglers (over 1.5x the median): " + slow.stream().map(t -> String.format(Locale.ROOT,
            "shard %d %.3f s on executor %s", t.shard(), t.wallSeconds(), t.executor())).toList() + "\n");
    return s.toString();
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length == 0 ? 0 : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
