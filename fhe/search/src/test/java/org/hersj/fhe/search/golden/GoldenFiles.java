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
import org.hersj.fhe.search.store.FileKind;
import org.hersj.fhe.search.store.GalleryStore;
import org.hersj.fhe.search.store.RecordFileHeader;
import org.hersj.fhe.search.store.RecordFileReader;
import org.hersj.fhe.search.store.ShardManifest;
import org.hersj.fhe.search.store.ShardPlan;
import org.hersj.fhe.search.testing.FileRoles;
import org.hersj.fhe.search.twostage.Stage2Request;

/**
 * Writes the golden files of one release into {@code fhe/search/src/test/resources/golden/<release>/}: a
 * java-engine key directory, a small {@code hers-complex} gallery, an encrypted probe, its encrypted scores,
 * {@code vectors.csv} (the gallery rows, then the probe row, as the plaintext they encrypt), and since 0.2.0 a
 * stage-2 request and a shard manifest ({@link #writeSince020}). Every later
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
    writeSince020(out);
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

  /** Candidates of the golden stage-2 request (since 0.2.0). */
  static final long[] CANDIDATES = {3, 0, 7};

  /**
   * Files kept since release 0.2.0: a stage-2 request for {@link #CANDIDATES} bound to the gallery's key, and
   * the manifest of the gallery as one shard ({@code sharded/manifest.shards}).
   */
  public static void writeSince020(Path out) throws IOException {
    RecordFileHeader header;
    try (RecordFileReader gallery = RecordFileReader.open(GalleryStore.recordsFile(out.resolve("gallery")),
        FileKind.GALLERY)) {
      header = gallery.header();
    }
    new Stage2Request(ITEMS, header.keyFingerprint(), CANDIDATES).write(out.resolve("stage2-request.h2q"));
    ShardPlan plan = ShardPlan.of(header.layout(), 1);
    Path sharded = Files.createDirectories(out.resolve("sharded"));
    new ShardManifest(header, List.of(new ShardManifest.Shard(plan.shards().get(0), header.fileBytes(),
        ShardManifest.NO_DIGEST))).write(sharded);
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
