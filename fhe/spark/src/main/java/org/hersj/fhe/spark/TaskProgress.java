package org.hersj.fhe.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.hersj.fhe.search.ProgressListener;

/** Reports finished tasks of a job to a progress listener on the driver while the job runs. */
final class TaskProgress extends SparkListener implements AutoCloseable {

  private final transient JavaSparkContext sc;
  private final transient ProgressListener progress;
  private final String stage;
  private final long total;
  private final AtomicLong done = new AtomicLong();

  /** Starts listening on {@code sc}; {@link #close} stops. */
  TaskProgress(JavaSparkContext sc, ProgressListener progress, String stage, long total) {
    this.sc = sc;
    this.progress = progress;
    this.stage = stage;
    this.total = total;
    sc.sc().addSparkListener(this);
    progress.progress(stage, 0, total);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    if (end.taskInfo().successful()) {
      progress.progress(stage, Math.min(total, done.incrementAndGet()), total);
    }
  }

  @Override
  public void close() {
    sc.sc().removeSparkListener(this);
  }
}
