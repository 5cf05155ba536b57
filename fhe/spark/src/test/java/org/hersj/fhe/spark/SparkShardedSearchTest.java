package org.hersj.fhe.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.ckks.CkksKeyFiles;
import org.hersj.fhe.search.backend.ckks.CkksSearchKeys;
import org.hersj.fhe.search.client.Match;
import org.hersj.fhe.search.client.SearchClient;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.RowRanges;
import org.hersj.fhe.search.enroll.SyntheticRows;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.server.EncryptedSearchServer;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.store.EncryptedProbe;
import org.hersj.fhe.search.store.FileKind;
import org.hersj.fhe.search.store.RecordFileHeader;
import org.hersj.fhe.search.store.ShardedRecordSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sharded enrollment and search on Spark local[2] against the single-machine search on the same keys, a
 * task killed half-way through its shard, and a tampered shard; the same through Hadoop's file system streams
 * on {@code file://} URIs. SEARCH_N4096, 8-d, 5 blocks in 3 shards.
 */
class SparkShardedSearchTest {

  private static final int ITEMS = 18_000;
  private static final int DIM = 8;
  private static final long SEED = 11;
  private static final int SHARDS = 3;
  private static final double BOUND = 1e-6;
  private static final ScoreForm FORM = ScoreForm.DEGREE_TWO;

  @TempDir
  static Path tmp;
  private static JavaSparkContext sc;
  private static CkksSearchKeys keys;
  private static KeyBundle serverKeys;
  private static KeyBundle otherServerKeys;
  private static Path probeFile;
  private static float[] probe;

  @BeforeAll
  static void start() throws IOException {
    sc = SparkSessions.open("local[2]", "hers-test");
    keys = CkksSearchKeys.generate(CkksPresets.byName("SEARCH_N4096"), RandomSource.seededForTestsOnly(7));
    serverKeys = KeyBundle.read(publicDir(keys, "keys"));
    otherServerKeys = KeyBundle.read(publicDir(CkksSearchKeys.generate(CkksPresets.byName("SEARCH_N4096"),
        RandomSource.seededForTestsOnly(8)), "other"));
    probe = new float[DIM];
    SyntheticRows.fill(SEED, 4321, probe);
    probeFile = tmp.resolve("probe.hrec");
    new SearchClient(keys.client().withoutNoiseFlooding(), 1).encryptProbe(probe, LayoutKind.HERS_COMPLEX).write(probeFile, keys.server());
  }

  @AfterAll
  static void stop() {
    sc.stop();
  }

  /** The key files without the secret key (what an enroller and a server get). */
  private static Path publicDir(CkksSearchKeys k, String name) throws IOException {
    Path all = tmp.resolve(name + "-client");
    CkksKeyFiles.write(k, all);
    Path pub = tmp.resolve(name + "-server");
    Files.createDirectories(pub);
    try (Stream<Path> files = Files.list(all)) {
      for (Path f : files.filter(f -> !f.getFileName().toString().equals(CkksKeyFiles.SECRET)).toList()) {
        Files.copy(f, pub.resolve(f.getFileName()));
      }
    }
    return pub;
  }

  private static double[] plaintextScores() {
    double[] s = new double[ITEMS];
    float[] row = new float[DIM];
    for (int i = 0; i < ITEMS; i++) {
      SyntheticRows.fill(SEED, i, row);
      for (int j = 0; j < DIM; j++) {
        s[i] += (double) row[j] * probe[j];
      }
    }
    return s;
  }

  private static SparkEnrollment.Result sparkEnroll(Path dir, int failShard) throws IOException {
    return new SparkEnrollment(sc).enroll(serverKeys, RowRanges.synthetic(ITEMS, DIM, SEED), LayoutKind.HERS_COMPLEX,
        SHARDS, dir, 1, failShard, ProgressListener.NONE);
  }

  private static double[] decrypt(Path scores) throws IOException {
    return new SearchClient(keys.client().withoutNoiseFlooding(), 2).allScores(scores, ProgressListener.NONE);
  }

  private static List<Long> top(Path scores) throws IOException {
    return new SearchClient(keys.client().withoutNoiseFlooding(), 2).topK(scores, 10, ProgressListener.NONE).stream().map(Match::item).toList();
  }

  private static Path singleMachineSearch(Path gallery, String name) throws IOException {
    Path out = tmp.resolve(name);
    new EncryptedSearchServer(keys.server(), 2).search(gallery, EncryptedProbe.read(probeFile, keys.server()),
        FORM, out, ProgressListener.NONE);
    return out;
  }

  @Test
  void shardedSparkSearchEqualsSingleMachineSearchOnTheSameKeys() throws IOException {
    Path single = tmp.resolve("single");
    new GalleryEnroller(keys.enroller(), 2, 4).enroll(new SyntheticRows(ITEMS, DIM, SEED), LayoutKind.HERS_COMPLEX,
        single, ProgressListener.NONE);
    Path sharded = tmp.resolve("sharded");
    SparkEnrollment.Result enrolled = sparkEnroll(sharded, -1);
    assertEquals(SHARDS, enrolled.manifest().shards().size());
    assertEquals(5, enrolled.summary().records());

    Path scoresDir = tmp.resolve("spark-scores");
    SparkSearch.Result searched = new SparkSearch(sc).search(serverKeys, sharded, probeFile, FORM, scoresDir,
        ProgressListener.NONE);
    assertEquals(5, searched.summary().records());

    double[] plain = plaintextScores();
    double[] reference = decrypt(singleMachineSearch(single, "single.scores"));
    double[] shardedLocal = decrypt(singleMachineSearch(sharded, "sharded.scores"));
    double[] spark = decrypt(scoresDir);
    assertEquals(ITEMS, spark.length);
    for (int i = 0; i < ITEMS; i++) {
      assertEquals(reference[i], spark[i], BOUND, "item " + i + " Spark vs single-machine");
      assertEquals(plain[i], spark[i], BOUND, "item " + i + " Spark vs plaintext");
    }
    assertArrayEquals(shardedLocal, spark, "same ciphertexts, same computation: identical decrypted scores");
    assertEquals(top(tmp.resolve("single.scores")), top(scoresDir));

    IOException wrongKey = assertThrows(IOException.class,
        () -> new SparkSearch(sc).search(otherServerKeys, sharded, probeFile, FORM, tmp.resolve("x"), ProgressListener.NONE));
    assertTrue(wrongKey.getMessage().contains("another key"), wrongKey.getMessage());
  }

  @Test
  void taskKilledMidShardIsRetriedAndTheGalleryVerifiesAndResumes() throws IOException {
    Path dir = tmp.resolve("killed");
    SparkEnrollment.Result result = sparkEnroll(dir, 1);
    TaskReport retried = result.summary().tasks().get(1);
    assertEquals(1, retried.attempt(), "shard 1 finished on its second attempt");
    assertEquals(0, result.summary().tasks().get(0).attempt());
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(List.of("manifest.shards", "shard-00000.hrec", "shard-00001.hrec", "shard-00002.hrec"), names,
          "no half-written shard or attempt directory is left");
    }
    try (ShardedRecordSet set = ShardedRecordSet.open(dir, FileKind.GALLERY, true)) {
      assertEquals(5, set.header().recordCount());
    }
    double[] plain = plaintextScores();
    double[] scores = decrypt(singleMachineSearch(dir, "killed.scores"));
    for (int i = 0; i < ITEMS; i++) {
      assertEquals(plain[i], scores[i], BOUND, "item " + i);
    }

    // An interrupted run: shard 2 and the manifest missing. Re-running keeps shards 0 and 1 (verified).
    String keptSha = result.manifest().shards().get(0).sha256();
    Files.delete(dir.resolve("manifest.shards"));
    Files.delete(dir.resolve("shard-00002.hrec"));
    SparkEnrollment.Result again = sparkEnroll(dir, -1);
    assertTrue(again.summary().tasks().get(0).resumed() && again.summary().tasks().get(1).resumed());
    assertFalse(again.summary().tasks().get(2).resumed());
    assertEquals(keptSha, again.manifest().shards().get(0).sha256());
    assertThrows(IOException.class, () -> sparkEnroll(dir, -1), "a complete gallery is not overwritten");
  }

  @Test
  void shardWithAFlippedByteIsRefusedNamingTheShard() throws IOException {
    Path dir = tmp.resolve("tampered");
    sparkEnroll(dir, -1);
    flipByte(dir.resolve("shard-00001.hrec"));
    IOException spark = assertThrows(IOException.class,
        () -> new SparkSearch(sc).search(serverKeys, dir, probeFile, FORM, tmp.resolve("t-scores"), ProgressListener.NONE));
    assertTrue(spark.getMessage().contains("shard-00001.hrec") && spark.getMessage().contains("CRC32C"),
        spark.getMessage());
    IOException local = assertThrows(IOException.class, () -> singleMachineSearch(dir, "t.scores"));
    assertTrue(local.getMessage().contains("shard-00001.hrec"), local.getMessage());
    IOException verify = assertThrows(IOException.class, () -> ShardedRecordSet.open(dir, FileKind.GALLERY, true));
    assertTrue(verify.getMessage().contains("shard-00001.hrec") && verify.getMessage().contains("SHA-256"),
        verify.getMessage());
  }

  @Test
  void fileUrisReadAndWrittenThroughHadoopStreamsGiveTheSameScoresAndRefuseAFlippedByte() throws IOException {
    sc.hadoopConfiguration().setBoolean(ShardDirectory.DIRECT_LOCAL, false); // Hadoop's raw local streams, not java.nio
    try {
      Path dir = tmp.resolve("hadoop gallery"); // a space: the URI is escaped, the path is not
      String gallery = dir.toUri().toString();
      assertTrue(gallery.startsWith("file:///") && gallery.contains("%20"), gallery);
      assertFalse(ShardDirectory.open(gallery, sc.hadoopConfiguration()).isDirectLocal());
      SparkEnrollment.Result enrolled = new SparkEnrollment(sc).enroll(serverKeys, RowRanges.synthetic(ITEMS, DIM, SEED),
          LayoutKind.HERS_COMPLEX, SHARDS, gallery, 1, 1, ProgressListener.NONE);
      assertEquals(1, enrolled.summary().tasks().get(1).attempt(), "shard 1 failed half-way and was retried");
      try (Stream<Path> files = Files.list(dir)) {
        assertEquals(List.of("manifest.shards", "shard-00000.hrec", "shard-00001.hrec", "shard-00002.hrec"),
            files.map(p -> p.getFileName().toString()).sorted().toList(), "no attempt, temporary or .crc file is left");
      }
      try (ShardedRecordSet set = ShardedRecordSet.open(dir, FileKind.GALLERY, true)) {
        assertEquals(5, set.header().recordCount(), "the manifest's SHA-256 of every shard holds");
      }

      Path scoresDir = tmp.resolve("hadoop-scores");
      new SparkSearch(sc).search(serverKeys, gallery, probeFile, FORM, scoresDir.toUri().toString(),
          ProgressListener.NONE);
      assertArrayEquals(decrypt(singleMachineSearch(dir, "hadoop-local.scores")), decrypt(scoresDir),
          "the same shards read through Hadoop: identical decrypted scores");
      double[] plain = plaintextScores();
      double[] spark = decrypt(scoresDir);
      for (int i = 0; i < ITEMS; i++) {
        assertEquals(plain[i], spark[i], BOUND, "item " + i);
      }

      flipByte(dir.resolve("shard-00001.hrec"));
      IOException search = assertThrows(IOException.class, () -> new SparkSearch(sc).search(serverKeys, gallery,
          probeFile, FORM, scoresDir.toUri().toString(), ProgressListener.NONE));
      assertTrue(search.getMessage().contains("shard-00001.hrec") && search.getMessage().contains("CRC32C"),
          search.getMessage());
      Files.delete(dir.resolve("manifest.shards"));
      IOException resume = assertThrows(IOException.class, () -> new SparkEnrollment(sc).enroll(serverKeys,
          RowRanges.synthetic(ITEMS, DIM, SEED), LayoutKind.HERS_COMPLEX, SHARDS, gallery, 1, -1, ProgressListener.NONE));
      assertTrue(resume.getMessage().contains("shard-00001.hrec"), "a kept shard is verified: " + resume.getMessage());
    } finally {
      sc.hadoopConfiguration().setBoolean(ShardDirectory.DIRECT_LOCAL, true);
    }
  }

  private static void flipByte(Path shard) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(shard.toFile(), "rw")) {
      long at = RecordFileHeader.HEADER_BYTES + 1000;
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0x10);
    }
  }
}
