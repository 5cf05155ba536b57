package org.hersj.fhe.search.twostage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.ckks.CkksSearchKeys;
import org.hersj.fhe.search.client.Match;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.RowSource;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.store.RecordFileException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stage-2 request and response files (SEARCH_N4096, 40 packed items of 32-d): a round trip gives the
 * scores of the in-memory response (= plaintext inner products within {@value #BOUND}); truncated, modified,
 * wrong-version, wrong-kind, wrong-key and wrong-request files are refused with a message naming the file.
 */
class Stage2FilesTest {

  private static final double BOUND = 1e-4;
  private static final int N = 40;
  private static final int FULL = 32;
  private static final CkksParameters PARAMS = CkksPresets.byName("SEARCH_N4096");
  private static final CkksSearchKeys KEYS = CkksSearchKeys.generate(PARAMS, RandomSource.seededForTestsOnly(3),
      TwoStageSearch.rotationSteps(FULL));
  private static final TwoStageFixture DATA = new TwoStageFixture(N, FULL, 4, 9);
  private static final long[] CANDIDATES = {17, 3, 39, 17, 0};

  @TempDir
  static Path dir;
  private static Path galleryDir;
  private static Stage2Request request;
  private static Stage2Response response;
  private static float[] probe;

  @BeforeAll
  static void scoreOnce() throws IOException {
    galleryDir = dir.resolve("full");
    new GalleryEnroller(KEYS.enroller(), 2, 8).enroll(RowSource.of(DATA.full), LayoutKind.PACKED_ITEMS, galleryDir,
        ProgressListener.NONE);
    probe = DATA.probeNear(17, 0.05, 4);
    request = new Stage2Request(N, KEYS.client().withoutNoiseFlooding().keyFingerprint(), CANDIDATES);
    response = new Stage2Server(KEYS.server(), 2).score(galleryDir, new TwoStageClient(KEYS.client().withoutNoiseFlooding())
        .encryptMaskedProbes(probe), request.candidates(), ProgressListener.NONE);
  }

  private static Path written(String name) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    request.write(folder.resolve("request.h2q"));
    Stage2ResponseFile.write(folder.resolve("response.h2s"), response, request, KEYS.server());
    return folder;
  }

  @Test
  void roundTripGivesTheSameScoresAndLeavesNoTemporaryFile() throws IOException {
    Path folder = written("round-trip");
    Stage2Request readRequest = Stage2Request.read(folder.resolve("request.h2q"));
    assertEquals(N, readRequest.galleryItems());
    assertArrayEquals(CANDIDATES, readRequest.candidates());
    Stage2Response readResponse = Stage2ResponseFile.read(folder.resolve("response.h2s"), readRequest, KEYS.client().withoutNoiseFlooding());
    assertEquals(response.groups(), readResponse.groups());
    assertEquals(response.operations(), readResponse.operations());
    TwoStageClient client = new TwoStageClient(KEYS.client().withoutNoiseFlooding());
    List<Match> fromFile = client.scores(readResponse, readRequest.candidates());
    assertEquals(client.scores(response, CANDIDATES), fromFile, "same ciphertexts, same decrypted scores");
    assertEquals(4, fromFile.size(), "duplicates merged");
    for (Match m : fromFile) {
      assertEquals(TwoStageFixture.dot(DATA.full[(int) m.item()], probe), m.score(), BOUND, "item " + m.item());
    }
    assertEquals(17, fromFile.get(0).item());
    try (var files = Files.list(folder)) {
      assertEquals(List.of("request.h2q", "response.h2s"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void truncatedOrModifiedRequestIsRefused() throws IOException {
    Path folder = written("bad-request");
    Path file = folder.resolve("request.h2q");
    byte[] good = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(good, good.length - 9));
    assertRefused(() -> Stage2Request.read(file), file, "truncated");
    byte[] flipped = good.clone();
    flipped[good.length - 40] ^= 1; // inside the last candidate index
    Files.write(file, flipped);
    assertRefused(() -> Stage2Request.read(file), file, "modified");
    Files.write(file, Arrays.copyOf(good, 5));
    assertRefused(() -> Stage2Request.read(file), file, "truncated");
    assertRefused(() -> Stage2Request.read(folder.resolve("response.h2s")), folder.resolve("response.h2s"),
        "not a HERS-J stage-2 request");
  }

  @Test
  void otherFormatVersionAndImpossibleCountsAreRefused() throws IOException {
    Path file = dir.resolve("v2.h2q");
    byte[] body = bodyOf(request.encode());
    Files.write(file, Stage2FileFormat.frameV1(Stage2Request.MAGIC_V1, 7, body));
    assertRefused(() -> Stage2Request.read(file), file, "format version 7");
    Files.write(file, Stage2FileFormat.frame(new org.hersj.fhe.io.Envelope.Format("HERS-J stage-2 request",
        "HJS2REQU", Stage2Request.VERSION + 1, 0, org.hersj.fhe.io.Envelope.BodyCheck.SHA256), body));
    assertRefused(() -> Stage2Request.read(file), file, "written by a newer HERS-J");
    ByteBuffer lying = ByteBuffer.wrap(body.clone());
    lying.putInt(body.length - CANDIDATES.length * Long.BYTES - Integer.BYTES, 1000);
    Files.write(file, Stage2FileFormat.frame(Stage2Request.FORMAT, lying.array()));
    assertRefused(() -> Stage2Request.read(file), file, "1000 candidates");
    ByteBuffer outside = ByteBuffer.wrap(body.clone());
    outside.putLong(body.length - Long.BYTES, N);
    Files.write(file, Stage2FileFormat.frame(Stage2Request.FORMAT, outside.array()));
    assertRefused(() -> Stage2Request.read(file), file, "candidate " + N + " is outside");
  }

  @Test
  void truncatedModifiedForeignOrMismatchedResponseIsRefused() throws IOException {
    Path folder = written("bad-response");
    Path file = folder.resolve("response.h2s");
    byte[] good = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(good, good.length - 1000));
    assertRefused(() -> Stage2ResponseFile.read(file, request, KEYS.client().withoutNoiseFlooding()), file, "truncated");
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x10; // inside a score ciphertext
    Files.write(file, flipped);
    assertRefused(() -> Stage2ResponseFile.read(file, request, KEYS.client().withoutNoiseFlooding()), file, "modified");
    Files.write(file, good);
    Stage2Request other = new Stage2Request(N, KEYS.client().withoutNoiseFlooding().keyFingerprint(), new long[] {3, 17});
    assertRefused(() -> Stage2ResponseFile.read(file, other, KEYS.client().withoutNoiseFlooding()), file, "answers another stage-2 request");
    CkksSearchKeys otherKeys = CkksSearchKeys.generate(PARAMS, RandomSource.seededForTestsOnly(4));
    assertRefused(() -> Stage2ResponseFile.read(file, request, otherKeys.client()), file, "another key");
    CkksSearchKeys otherParams = CkksSearchKeys.generate(CkksPresets.byName("SEARCH_N8192"),
        RandomSource.seededForTestsOnly(5));
    assertRefused(() -> Stage2ResponseFile.read(file, request, otherParams.client()), file, "other encryption parameters");
  }

  @Test
  void oldVersionAndInconsistentGroupsAreRefused() throws IOException {
    Path folder = written("bad-groups");
    Path file = folder.resolve("response.h2s");
    byte[] good = Files.readAllBytes(file);
    byte[] body = bodyOf(good);
    Files.write(file, Stage2FileFormat.frameV1(Stage2ResponseFile.MAGIC_V1, 1, body));
    assertRefused(() -> Stage2ResponseFile.read(file, request, KEYS.client().withoutNoiseFlooding()), file, "format version 1");
    assertRefused(() -> Stage2ResponseFile.read(file, request, KEYS.client().withoutNoiseFlooding()), file, "reads versions [2, 3]");
    // the one group (40 items, 64 segments per record): member count 4, then items 0, 3, 17, 39
    ByteBuffer pattern = ByteBuffer.allocate(Integer.BYTES + 4 * Long.BYTES).putInt(4).putLong(0).putLong(3)
        .putLong(17).putLong(39);
    int at = indexOf(body, pattern.array());
    assertTrue(at > 0, "group section not found");
    byte[] otherItem = body.clone();
    ByteBuffer.wrap(otherItem).putLong(at + Integer.BYTES + Long.BYTES, 5); // item 3 -> 5, digest recomputed
    Files.write(file, Stage2FileFormat.frame(Stage2ResponseFile.FORMAT, otherItem));
    assertRefused(() -> Stage2ResponseFile.read(file, request, KEYS.client().withoutNoiseFlooding()), file, "do not list exactly");
    byte[] twice = body.clone();
    ByteBuffer.wrap(twice).putLong(at + Integer.BYTES + Long.BYTES, 17); // item 3 -> 17, listed twice
    Files.write(file, Stage2FileFormat.frame(Stage2ResponseFile.FORMAT, twice));
    assertRefused(() -> Stage2ResponseFile.read(file, request, KEYS.client().withoutNoiseFlooding()), file, "item 17");
    byte[] oversized = body.clone();
    ByteBuffer.wrap(oversized).putInt(at, 65);
    Files.write(file, Stage2FileFormat.frame(Stage2ResponseFile.FORMAT, oversized));
    assertRefused(() -> Stage2ResponseFile.read(file, request, KEYS.client().withoutNoiseFlooding()), file, "65 candidates");
  }

  @Test
  void requestAndResponseFilesOfRelease010AreStillRead() throws IOException {
    Path folder = written("old-frames");
    Path requestFile = folder.resolve("request.h2q");
    Path responseFile = folder.resolve("response.h2s");
    Files.write(requestFile, Stage2FileFormat.frameV1(Stage2Request.MAGIC_V1, 1, bodyOf(request.encode())));
    Stage2Request oldRequest = Stage2Request.read(requestFile);
    assertArrayEquals(CANDIDATES, oldRequest.candidates());
    // a 0.1.0 response (format 2) records the digest of the 0.1.0 request file
    byte[] body = bodyOf(Files.readAllBytes(responseFile));
    System.arraycopy(oldRequest.digestV1(), 0, body, 0, Stage2FileFormat.DIGEST_BYTES);
    Files.write(responseFile, Stage2FileFormat.frameV1(Stage2ResponseFile.MAGIC_V1, 2, body));
    TwoStageClient client = new TwoStageClient(KEYS.client().withoutNoiseFlooding());
    List<Match> old = client.scores(Stage2ResponseFile.read(responseFile, oldRequest, KEYS.client()
        .withoutNoiseFlooding()), oldRequest.candidates());
    assertEquals(client.scores(response, CANDIDATES), old);
  }

  private static byte[] bodyOf(byte[] envelopeFile) {
    var e = org.hersj.fhe.io.Envelope.read(envelopeFile, envelopeFile[6] == 'Q' ? Stage2Request.FORMAT
        : Stage2ResponseFile.FORMAT, "test", IllegalStateException::new);
    byte[] body = new byte[e.body().remaining()];
    e.body().get(body);
    return body;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void requestChecksItsFields() {
    assertThrows(IllegalArgumentException.class, () -> new Stage2Request(N, "fp", new long[0]));
    assertThrows(IllegalArgumentException.class, () -> new Stage2Request(N, "fp", new long[] {-1}));
    assertThrows(IllegalArgumentException.class, () -> new Stage2Request(N, " ", new long[] {1}));
  }

  private interface Read {
    Object run() throws IOException;
  }

  private static void assertRefused(Read read, Path file, String expected) {
    RecordFileException e = assertThrows(RecordFileException.class, read::run);
    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(expected), e.getMessage());
  }
}
