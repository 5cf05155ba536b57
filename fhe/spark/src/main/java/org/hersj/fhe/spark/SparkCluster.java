package org.hersj.fhe.spark;

import org.apache.spark.api.java.JavaSparkContext;

/**
 * A Spark context opened for one command, behind a type without Spark in its signatures, so callers
 * (the CLI) compile without Spark and only need it at run time.
 */
public final class SparkCluster implements AutoCloseable {

  private final JavaSparkContext sc;
  private final String master;
  private final SparkSearch search;

  private SparkCluster(JavaSparkContext sc, String master) {
    this.sc = sc;
    this.master = master;
    this.search = new SparkSearch(sc);
  }

  /** Connects to {@code master} (see {@link SparkSessions#open}). */
  public static SparkCluster open(String master, String appName) {
    return new SparkCluster(SparkSessions.open(master, appName), SparkSessions.withLocalRetries(master));
  }

  /** The master URL in use (local masters with retries). */
  public String master() {
    return master;
  }

  /** Task slots. */
  public int slots() {
    return SparkSessions.slots(sc);
  }

  /** Distributed enrollment on this cluster. */
  public SparkEnrollment enrollment() {
    return new SparkEnrollment(sc);
  }

  /** Distributed search on this cluster: one instance per session, so the server keys are broadcast once. */
  public SparkSearch search() {
    return search;
  }

  @Override
  public void close() {
    sc.stop();
  }
}
