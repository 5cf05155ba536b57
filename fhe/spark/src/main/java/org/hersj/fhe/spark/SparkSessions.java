package org.hersj.fhe.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Makes the Spark context the commands run on. A {@code local[N]} master becomes {@code local[N,4]}, so a
 * failed task is retried in local mode as on a cluster (Spark's default of 4 attempts; plain
 * {@code local[N]} never retries). The web UI is off. With the launcher's slf4j-simple, Spark's INFO and WARN
 * logging is turned down to errors unless the caller set its level; under log4j2 the cluster's configuration rules.
 */
public final class SparkSessions {

  private static final Pattern LOCAL = Pattern.compile("local\\[(\\d+|\\*)\\]");

  private SparkSessions() {
  }

  /** The master URL with local retries: {@code local[N]} and {@code local[*]} get 4 attempts per task. */
  public static String withLocalRetries(String master) {
    Matcher m = LOCAL.matcher(master.trim());
    return m.matches() ? "local[" + m.group(1) + ",4]" : master.trim();
  }

  /** A Spark context on {@code master} named {@code appName}. */
  public static JavaSparkContext open(String master, String appName) {
    for (String logger : new String[] {"org.apache.spark", "org.sparkproject", "org.apache.hadoop", "io.netty"}) {
      String key = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "error");
      }
    }
    SparkConf conf = new SparkConf().setMaster(withLocalRetries(master)).setAppName(appName)
        .setIfMissing("spark.ui.enabled", "false")
        .setIfMissing("spark.speculation", "false")
        .setIfMissing("spark.broadcast.compress", "false"); // keys and ciphertexts are incompressible
    if (master.trim().startsWith("local")) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    return new JavaSparkContext(conf);
  }

  /** Task slots of {@code sc} (default parallelism). */
  public static int slots(JavaSparkContext sc) {
    return sc.defaultParallelism();
  }
}
