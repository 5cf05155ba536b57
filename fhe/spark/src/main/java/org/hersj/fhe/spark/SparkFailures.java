package org.hersj.fhe.spark;

import java.io.IOException;
import org.apache.spark.SparkException;

/** Turns a failed Spark job back into the task's own error, so the user sees one line naming the file. */
final class SparkFailures {

  private SparkFailures() {
  }

  /** Runs {@code job}, rethrowing the first task failure's cause as it was (an IOException or RuntimeException). */
  static <T> T unwrap(java.util.concurrent.Callable<T> job) throws IOException {
    try {
      return job.call();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      Throwable t = e;
      while (t instanceof SparkException && t.getCause() != null) {
        t = t.getCause();
      }
      if (t instanceof IOException io) {
        throw io;
      }
      if (t instanceof RuntimeException re && !(t instanceof SparkException)) {
        throw re;
      }
      String message = String.valueOf(t.getMessage());
      int at = message.indexOf("RecordFileException: ");
      throw new IOException(at >= 0 ? message.substring(at + "RecordFileException: ".length()).split("\n")[0]
          : "Spark job failed: " + message.split("\n")[0], t);
    }
  }
}
