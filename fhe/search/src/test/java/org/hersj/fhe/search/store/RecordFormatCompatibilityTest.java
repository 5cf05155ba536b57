package org.hersj.fhe.search.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.hersj.fhe.ckks.ParameterPolicy;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.PayloadEncoding;
import org.hersj.fhe.search.backend.ckks.CkksClientBackend;
import org.hersj.fhe.search.backend.ckks.CkksKeyFiles;
import org.hersj.fhe.search.backend.ckks.CkksServerBackend;
import org.hersj.fhe.search.client.SearchClient;
import org.hersj.fhe.search.enroll.SyntheticRows;
import org.hersj.fhe.search.server.EncryptedSearchServer;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.testing.GeneratedGallery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written before residues were bit-packed (record format 1, every residue in a 64-bit word, made by
 * commit fdebfad with toy parameters: N = 64, 70 items of {@code SyntheticRows(70, 3, 5)}, probe row 0 of
 * seed 6) are still read: the old gallery is searched with the old probe and decrypts to the plaintext
 * scores, and the old scores file decrypts to them too. New files are envelopes (major 3) with packed payloads.
 */
class RecordFormatCompatibilityTest {

  /** The format-1 files were made under toy parameters (log2 N = 6): opt in as a command line would. */
  private static final ParameterPolicy TOY = ParameterPolicy.allowInsecure("RecordFormatCompatibilityTest (toy parameters)");

  private static final String[] FILES = {"keys/keyset.sha256", "keys/parameters.ckks", "keys/public.key",
      "keys/relinearization.key", "keys/secret.key", "gallery/gallery.hrec", "probe.hrec", "scores.hrec"};

  @TempDir
  Path dir;

  private Path fixture() throws IOException {
    Path root = dir.resolve("format1");
    for (String name : FILES) {
      Path target = root.resolve(name);
      Files.createDirectories(target.getParent());
      try (InputStream in = getClass().getResourceAsStream("/format1/" + name)) {
        Files.copy(in, target);
      }
    }
    Files.setPosixFilePermissions(root.resolve("keys/secret.key"), PosixFilePermissions.fromString("rw-------"));
    return root;
  }

  private static double[] expected() {
    float[][] rows = SyntheticRows.materialize(70, 3, 5);
    float[] probe = new float[3];
    SyntheticRows.fill(6, 0, probe);
    return GeneratedGallery.plainScores(rows, probe);
  }

  @Test
  void aFormatOneGalleryProbeAndScoresFileStillReadAndDecrypt() throws IOException {
    Path root = fixture();
    CkksServerBackend server = CkksKeyFiles.loadServer(org.hersj.fhe.search.testing.ServerKeyCopy.of(root.resolve("keys")), TOY);
    CkksClientBackend client = CkksKeyFiles.loadClient(root.resolve("keys"), RandomSource.seededForTestsOnly(1), TOY).withoutNoiseFlooding();
    try (RecordFileReader old = GalleryStore.open(root.resolve("gallery"), server)) {
      assertEquals(PayloadEncoding.WORDS, old.header().payloadEncoding());
    }
    double[] expected = expected();
    SearchClient searchClient = new SearchClient(client, 1);
    double[] oldScores = searchClient.allScores(root.resolve("scores.hrec"), ProgressListener.NONE);
    Path scores = dir.resolve("new-scores.hrec");
    new EncryptedSearchServer(server, 2).search(root.resolve("gallery"),
        EncryptedProbe.read(root.resolve("probe.hrec"), server), ScoreForm.DEGREE_TWO, scores, ProgressListener.NONE);
    double[] newScores = searchClient.allScores(scores, ProgressListener.NONE);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], oldScores[i], 1e-3, "old scores file, item " + i);
      assertEquals(expected[i], newScores[i], 1e-3, "new search of the old gallery, item " + i);
    }
    assertTrue(RecordFileHeader.FORMAT.matches(Files.readAllBytes(scores)), "new files are record-file envelopes");
    try (RecordFileReader fresh = RecordFileReader.open(scores, FileKind.SCORES)) {
      assertEquals(PayloadEncoding.PACKED, fresh.header().payloadEncoding());
    }
  }

  @Test
  void aFormatTwoHeaderWithoutOrWithAnUnknownEncodingIsRefused() throws IOException {
    Path root = fixture();
    CkksServerBackend server = CkksKeyFiles.loadServer(org.hersj.fhe.search.testing.ServerKeyCopy.of(root.resolve("keys")), TOY);
    RecordFileHeader h;
    try (RecordFileReader old = GalleryStore.open(root.resolve("gallery"), server)) {
      h = old.header();
    }
    RecordFileHeader packed = new RecordFileHeader(h.kind(), h.engine(), h.fingerprint(), h.keyFingerprint(),
        h.parameters(), h.layout(), h.recordCount(), h.ciphertextsPerRecord(), h.degree(), h.level(),
        server.payloadBytes(1, h.level(), PayloadEncoding.PACKED), PayloadEncoding.PACKED);
    assertEquals(packed, RecordFileHeader.decode(packed.encode(), dir));
    assertEquals(h, RecordFileHeader.decode(h.encode(), dir));
    assertEquals(packed, RecordFileHeader.decode(LegacyRecordHeader.encode(packed,
        LegacyRecordHeader.FORMAT_2_LINE), dir), "a format-2 header of 0.1.0 is still read");
    String text = new String(LegacyRecordHeader.encode(packed, LegacyRecordHeader.FORMAT_2_LINE),
        StandardCharsets.UTF_8).replace("\0", "");
    for (String broken : new String[] {text.replace("payload-encoding=packed\n", ""),
        text.replace("payload-encoding=packed", "payload-encoding=zstd")}) {
      String body = broken.substring(0, broken.lastIndexOf("header-sha256="));
      String resealed = body + "header-sha256=" + org.hersj.fhe.io.Sha256.hex(
          body.getBytes(StandardCharsets.UTF_8)) + "\n";
      byte[] region = java.util.Arrays.copyOf(resealed.getBytes(StandardCharsets.UTF_8), RecordFileHeader.HEADER_BYTES);
      var e = assertThrows(RecordFileException.class, () -> RecordFileHeader.decode(region, dir));
      assertTrue(e.getMessage().contains("payload-encoding") || e.getMessage().contains("zstd"), e.getMessage());
    }
    // a gallery whose header claims packed payloads but holds words is refused by its size
    assertTrue(packed.fileBytes() < h.fileBytes());
  }
}
