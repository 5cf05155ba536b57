package org.hersj.reduction.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hersj.reduction.Reducers;
import org.hersj.reduction.core.Reducer;
import org.junit.jupiter.api.Test;

/**
 * Model files saved by earlier releases still load and reduce as they did (as Tribuo tests old models):
 * every release directory under {@code src/test/resources/golden/} holds models, the rows they were fitted
 * on and their outputs then. A model-format change that cannot read an old file fails here.
 */
class GoldenModelFilesTest {

  /** float32 outputs written with 9 significant digits, recomputed by the same arithmetic. */
  private static final float PRECISION = 1e-5f;
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  @Test
  void everyReleasesModelsStillLoadAndReduceTheSame() throws IOException {
    List<Path> releases;
    try (Stream<Path> s = Files.list(GOLDEN)) {
      releases = s.filter(Files::isDirectory).sorted().toList();
    }
    assertFalse(releases.isEmpty(), "no golden release directory under " + GOLDEN.toAbsolutePath());
    for (Path release : releases) {
      float[][] rows = GoldenModelFiles.read(release.resolve("rows.csv"));
      for (String name : GoldenModelFiles.MODELS) {
        Reducer model = Reducers.load(release.resolve(name + ".hersred"));
        float[][] expected = GoldenModelFiles.read(release.resolve(name + ".expected.csv"));
        float[][] actual = model.reduce(rows);
        assertEquals(expected.length, actual.length, release + " " + name);
        for (int i = 0; i < expected.length; i++) {
          assertEquals(expected[i].length, actual[i].length, release + " " + name + " row " + i + " width");
          for (int j = 0; j < expected[i].length; j++) {
            assertEquals(expected[i][j], actual[i][j], PRECISION, release + " " + name + " row " + i + " col " + j);
          }
        }
      }
    }
  }
}
