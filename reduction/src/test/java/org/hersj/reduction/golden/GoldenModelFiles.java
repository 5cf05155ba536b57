package org.hersj.reduction.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hersj.reduction.Reducers;
import org.hersj.reduction.core.Reducer;
import org.hersj.reduction.deepmds.DeepMdsConfigBuilder;
import org.hersj.reduction.deepmds.TrainingListener;

/**
 * Writes the golden model files of one release into {@code reduction/src/test/resources/golden/<release>/}:
 * a PCA and a small DeepMDS++ chain ({@code .hersred}), the rows they were fitted on ({@code rows.csv}) and
 * what each model maps them to ({@code <model>.expected.csv}). {@link GoldenModelFilesTest} makes every later
 * build load them and reduce the rows to the same outputs. Run once per release whose model format changed,
 * into a new directory:
 * <pre>
 * mvn -q -pl reduction -am test-compile
 * cd reduction &amp;&amp; mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * OMP_NUM_THREADS=1 java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.hersj.reduction.golden.GoldenModelFiles src/test/resources/golden/0.1.0
 * </pre>
 */
public final class GoldenModelFiles {

  static final List<String> MODELS = List.of("pca", "deepmds-plusplus");

  private GoldenModelFiles() {
  }

  /** Writes the golden model files into {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    int identities = 24;
    int perIdentity = 4;
    int dim = 16;
    SplittableRandom random = new SplittableRandom(20261202L);
    float[][] rows = new float[identities * perIdentity][dim];
    int[] labels = new int[rows.length];
    for (int id = 0; id < identities; id++) {
      double[] centre = random.doubles(dim).map(v -> v - 0.5).toArray();
      for (int s = 0; s < perIdentity; s++) {
        int r = id * perIdentity + s;
        labels[r] = id;
        for (int j = 0; j < dim; j++) {
          rows[r][j] = (float) (centre[j] + 0.1 * random.nextGaussian());
        }
      }
    }
    Reducer pca = Reducers.pca(rows, 4);
    // from 0.3.0 on with the identification term on, so its fields are read back
    Reducer deepMds = Reducers.deepMds(DeepMdsConfigBuilder.quickstart(List.of(dim, 8, 4)).identificationWeight(0.5)
        .build(), rows, labels, 7L, TrainingListener.NONE);
    write(out.resolve("rows.csv"), rows);
    for (int m = 0; m < MODELS.size(); m++) {
      Reducer model = m == 0 ? pca : deepMds;
      Reducers.save(model, out.resolve(MODELS.get(m) + ".hersred"));
      write(out.resolve(MODELS.get(m) + ".expected.csv"), model.reduce(rows));
    }
  }

  static void write(Path file, float[][] rows) throws IOException {
    List<String> lines = new ArrayList<>();
    for (float[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int j = 0; j < row.length; j++) {
        line.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.9g", row[j]));
      }
      lines.add(line.toString());
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  static float[][] read(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(l -> {
      String[] cells = l.split(",");
      float[] row = new float[cells.length];
      for (int j = 0; j < cells.length; j++) {
        row[j] = Float.parseFloat(cells[j]);
      }
      return row;
    }).toArray(float[][]::new);
  }
}
