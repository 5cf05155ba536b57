package org.hersj.fhe.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The driver's Hadoop configuration ({@code sc.hadoopConfiguration()}: core-site.xml, {@code spark.hadoop.*}
 * settings such as {@code fs.s3a.endpoint}) broadcast to the tasks once, taken when first needed, so every task
 * opens gallery and score directories as the driver does.
 */
final class HadoopSettings {

  private final JavaSparkContext sc;
  private Broadcast<SerializableConfiguration> shared;

  HadoopSettings(JavaSparkContext sc) {
    this.sc = sc;
  }

  /** The broadcast configuration. */
  synchronized Broadcast<SerializableConfiguration> get() {
    if (shared == null) {
      shared = sc.broadcast(new SerializableConfiguration(sc.hadoopConfiguration()));
    }
    return shared;
  }
}
