package org.hersj.fhe.search.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.enroll.RowSource;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.testing.FileRoles;

/**
 * Writes the golden files of one release into {@code fhe/search/src/test/resources/golden/<release>/}: a
 * java-engine key directory, a small {@code hers-complex} gallery, an encrypted probe, its encrypted scores,
 * and {@code vectors.csv} (the gallery rows, then the probe row, as the plaintext they encrypt). Every later
 * build must still read them ({@link GoldenFilesTest}), so a format change that breaks an existing file
 * fails a test. Run once per release whose formats changed, and commit the directory:
 * <pre>
 * mvn -q -pl fhe/search -am test-compile
 * java -cp fhe/engine/target/classes:fhe/search/target/classes:fhe/search/target/test-classes \
 *     org.hersj.fhe.search.golden.GoldenFiles fhe/search/src/test/resources/golden/0.1.0
 * </pre>
 */
public final class GoldenFiles {

  /** Gallery items and dimension: small enough to commit, two blocks' worth of slots is not needed. */
  static final int ITEMS = 12;
  static final int DIMENSION = 4;
  static final CkksParameters PARAMETERS = CkksParameters.of(CkksPresets.SEARCH_N4096);

  private GoldenFiles() {
  }

  /** Writes the golden files into {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    float[][] rows = unitRows(ITEMS + 1, DIMENSION, 20261202L);
    float[][] gallery = java.util.Arrays.copyOf(rows, ITEMS);
    Path keys = out.resolve("keys");
    FileRoles.keygen(PARAMETERS, keys, 0);
    FileRoles.enroll(keys, RowSource.of(gallery), LayoutKind.HERS_COMPLEX, out.resolve("gallery"), true, 1,
        ProgressListener.NONE);
    FileRoles.encryptProbe(keys, rows[ITEMS], LayoutKind.HERS_COMPLEX, out.resolve("probe.hprobe"));
    Path server = Files.createTempDirectory("golden-server-keys");
    GoldenFilesTest.copyKeys(keys, server, false);
    FileRoles.search(server, out.resolve("gallery"), out.resolve("probe.hprobe"), out.resolve("scores.hrec"),
        ScoreForm.RELINEARIZED, 1, ProgressListener.NONE);
    List<String> lines = new ArrayList<>();
    for (float[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int j = 0; j < row.length; j++) {
        line.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.9g", row[j]));
      }
      lines.add(line.toString());
    }
    Files.write(out.resolve("vectors.csv"), lines, StandardCharsets.UTF_8);
  }

  static float[][] unitRows(int n, int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] rows = new float[n][d];
    for (float[] row : rows) {
      double norm = 0;
      for (int j = 0; j < d; j++) {
        row[j] = (float) random.nextGaussian();
        norm += row[j] * row[j];
      }
      for (int j = 0; j < d; j++) {
        row[j] /= (float) Math.sqrt(norm);
      }
    }
    return rows;
  }
}
