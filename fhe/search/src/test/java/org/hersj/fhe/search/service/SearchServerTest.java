package org.hersj.fhe.search.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.client.Match;
import org.hersj.fhe.search.client.SearchClient;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.RowRanges;
import org.hersj.fhe.search.enroll.RowSource;
import org.hersj.fhe.search.enroll.ShardedEnroller;
import org.hersj.fhe.search.enroll.SyntheticRows;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.server.SearchReport;
import org.hersj.fhe.search.store.EncryptedProbe;
import org.hersj.fhe.search.store.ReadMode;
import org.hersj.fhe.search.store.RecordFileException;
import org.hersj.fhe.search.testing.ClearTestBackend;
import org.hersj.fhe.search.testing.GeneratedGallery;
import org.hersj.fhe.search.twostage.Stage2Response;
import org.hersj.fhe.search.twostage.TwoStageClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one server entry point on the clear test backend (8 slots, exact arithmetic): one call scores HERS and
 * Boddeti 2018 galleries of the same 13 rows as their headers say (scores equal the plaintext inner products
 * to float rounding, with the layout's own operation counts), a packed gallery only per candidate, and a probe
 * of another layout or dimension is refused naming the layout to encrypt for.
 */
class SearchServerTest {

  private static final double BOUND = 1e-6;
  private static final int ITEMS = 13;
  private static final int D = 3;

  private final ClearTestBackend backend = new ClearTestBackend(8, "params-a", "key-1");
  private final float[][] rows = SyntheticRows.materialize(ITEMS, D, 5);
  private final float[] probe = SyntheticRows.materialize(1, D, 6)[0];
  private final double[] expected = GeneratedGallery.plainScores(rows, probe);
  private final SearchServer server = new SearchServer(backend, 2);
  private final SearchClient client = new SearchClient(backend, 1);

  @TempDir
  Path dir;

  private Path enroll(LayoutKind kind) throws IOException {
    Path store = dir.resolve(kind.cliName());
    new GalleryEnroller(backend, 1, 4).enroll(RowSource.of(rows), kind, store, ProgressListener.NONE);
    return store;
  }

  private void assertPlainScores(Path scores) throws IOException {
    double[] actual = client.allScores(scores, ProgressListener.NONE);
    assertEquals(ITEMS, actual.length);
    for (int i = 0; i < ITEMS; i++) {
      assertEquals(expected[i], actual[i], BOUND, "item " + i);
    }
  }

  @Test
  void directReadsGiveTheSameScoresAsPageCacheReads() throws IOException {
    // under the build directory: the temporary directory may be a tmpfs, which had no direct I/O before Linux 6.6
    Files.createDirectories(Path.of("target"));
    Path disk = Files.createTempDirectory(Path.of("target"), "direct-search");
    try {
      Path store = disk.resolve("gallery");
      new GalleryEnroller(backend, 1, 4).enroll(RowSource.of(rows), LayoutKind.HERS_SIMD, store, ProgressListener.NONE);
      EncryptedProbe encrypted = client.encryptProbe(probe, LayoutKind.HERS_SIMD);
      Path cached = disk.resolve("cached.hrec");
      Path direct = disk.resolve("direct.hrec");
      SearchServer directServer = new SearchServer(backend, 2, ReadMode.DIRECT);
      assertEquals(ReadMode.CACHED,
          server.search(store, encrypted, ScoreForm.RELINEARIZED, cached, ProgressListener.NONE).readMode());
      assertEquals(ReadMode.DIRECT,
          directServer.search(store, encrypted, ScoreForm.RELINEARIZED, direct, ProgressListener.NONE).readMode());
      assertPlainScores(direct);
      assertArrayEquals(Files.readAllBytes(cached), Files.readAllBytes(direct), "the same scores file either way");

      // a sharded gallery: every shard read directly
      Path sharded = disk.resolve("sharded");
      ShardedEnroller enroller = new ShardedEnroller(backend, 1);
      RowRanges ranges = RowRanges.of(rows);
      enroller.enroll(ranges, enroller.plan(ranges, LayoutKind.HERS_SIMD, 2), sharded, ProgressListener.NONE);
      Path shardedScores = disk.resolve("sharded.hrec");
      assertEquals(ReadMode.DIRECT, directServer.search(sharded, encrypted, ScoreForm.RELINEARIZED, shardedScores,
          ProgressListener.NONE).readMode());
      assertPlainScores(shardedScores);
    } finally {
      try (var files = Files.walk(disk)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  @Test
  void scoresHersAndBoddetiGalleriesAsTheirHeadersSay() throws IOException {
    Path hersScores = dir.resolve("hers.hrec");
    SearchReport hers = server.search(enroll(LayoutKind.HERS_SIMD), client.encryptProbe(probe, LayoutKind.HERS_SIMD),
        ScoreForm.RELINEARIZED, hersScores, ProgressListener.NONE);
    assertPlainScores(hersScores);
    assertEquals(2, hers.records()); // 13 items in blocks of 8
    assertEquals(0, hers.operations().rotations());

    Path boddetiScores = dir.resolve("boddeti.hrec");
    SearchReport boddeti = server.search(enroll(LayoutKind.BODDETI_2018),
        client.encryptProbe(probe, LayoutKind.BODDETI_2018), ScoreForm.RELINEARIZED, boddetiScores,
        ProgressListener.NONE);
    assertPlainScores(boddetiScores);
    assertEquals(ITEMS, boddeti.records()); // one item per record
    assertEquals(ITEMS * 2L, boddeti.operations().rotations()); // 3 features pad to 4 slots: 2 rotations each
  }

  @Test
  void aPackedGalleryIsScoredPerCandidateOnly() throws IOException {
    Path packed = enroll(LayoutKind.PACKED_ITEMS);
    EncryptedProbe masked = client.encryptProbe(probe, LayoutKind.PACKED_ITEMS);
    assertEquals(2, masked.ciphertexts().size()); // 8 slots / segments of 4
    Path scores = dir.resolve("packed.hrec");
    RecordFileException whole = assertThrows(RecordFileException.class,
        () -> server.search(packed, masked, ScoreForm.RELINEARIZED, scores, ProgressListener.NONE));
    assertTrue(whole.getMessage().contains("--two-stage"), whole.getMessage());
    assertFalse(Files.exists(scores), "nothing written");

    long[] candidates = {12, 0, 5, 6};
    Stage2Response response = server.scoreCandidates(packed, masked, candidates, ProgressListener.NONE);
    List<Match> ranked = new TwoStageClient(backend).scores(response, candidates);
    assertEquals(candidates.length, ranked.size());
    for (Match m : ranked) {
      assertEquals(expected[(int) m.item()], m.score(), BOUND, "candidate " + m.item());
    }
  }

  @Test
  void aProbeOfAnotherLayoutOrDimensionIsRefused() throws IOException {
    Path hers = enroll(LayoutKind.HERS_SIMD);
    Path boddeti = enroll(LayoutKind.BODDETI_2018);
    EncryptedProbe hersProbe = client.encryptProbe(probe, LayoutKind.HERS_SIMD);
    RecordFileException wrongLayout = assertThrows(RecordFileException.class, () -> server.search(boddeti, hersProbe,
        ScoreForm.RELINEARIZED, dir.resolve("s1.hrec"), ProgressListener.NONE));
    assertTrue(wrongLayout.getMessage().contains("--layout boddeti"), wrongLayout.getMessage());
    RecordFileException wrongKind = assertThrows(RecordFileException.class, () -> server.search(hers,
        client.encryptProbe(probe, LayoutKind.BODDETI_2018), ScoreForm.RELINEARIZED, dir.resolve("s2.hrec"),
        ProgressListener.NONE));
    assertTrue(wrongKind.getMessage().contains("--layout hers"), wrongKind.getMessage());
    RecordFileException wrongDimension = assertThrows(RecordFileException.class, () -> server.search(hers,
        client.encryptProbe(new float[] {1, 0}, LayoutKind.HERS_SIMD), ScoreForm.RELINEARIZED,
        dir.resolve("s3.hrec"), ProgressListener.NONE));
    assertTrue(wrongDimension.getMessage().contains("dimension 3 does not match probe dimension 2"),
        wrongDimension.getMessage());
  }
}
