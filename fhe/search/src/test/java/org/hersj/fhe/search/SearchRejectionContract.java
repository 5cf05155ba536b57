package org.hersj.fhe.search;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hersj.fhe.search.client.SearchClient;
import org.hersj.fhe.search.enroll.SyntheticRows;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.server.EncryptedSearchServer;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.store.EncryptedProbe;
import org.hersj.fhe.search.store.GalleryStore;
import org.hersj.fhe.search.store.RecordFileException;
import org.hersj.fhe.search.store.RecordFileHeader;
import org.hersj.fhe.search.testing.Backends;
import org.junit.jupiter.api.Test;

/**
 * Negative cases any backend must handle with a clear error: other keys, other parameters, a probe of
 * another dimension, truncated or tampered gallery, probe and scores files.
 */
public abstract class SearchRejectionContract extends SearchRoundTripContract {

  /** Backends of another key pair under the same parameters. */
  protected abstract Backends otherKeys();

  /** Backends under other parameters. */
  protected abstract Backends otherParameters();

  /** The score form the rejection cases search with; parameters without relinearisation override it. */
  protected ScoreForm scoreForm() {
    return ScoreForm.RELINEARIZED;
  }

  private Path smallGallery(int items, int d) throws IOException {
    return enroll(SyntheticRows.materialize(items, d, 3), LayoutKind.HERS_SIMD, "g" + items + "x" + d);
  }

  private Path probeFile(Backends b, int d) throws IOException {
    Path file = dir.resolve("probe-" + d + "-" + System.nanoTime() + ".hrec");
    new SearchClient(b.client(), 1).encryptProbe(SyntheticRows.materialize(1, d, 5)[0], LayoutKind.HERS_SIMD)
        .write(file, b.client());
    return file;
  }

  private Path scores(Path gallery, Path probe) throws IOException {
    Path out = dir.resolve("scores.hrec");
    new EncryptedSearchServer(backends().server(), 1).search(gallery,
        EncryptedProbe.read(probe, backends().server()), scoreForm(), out, ProgressListener.NONE);
    return out;
  }

  private static void assertMessage(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' lacks '" + part + "'");
    }
  }

  @Test
  void galleryOfOtherKeysIsRefusedByServer() throws IOException {
    Path gallery = smallGallery(3, 4);
    Path probe = probeFile(otherKeys(), 4);
    var e = assertThrows(RecordFileException.class,
        () -> new EncryptedSearchServer(otherKeys().server(), 1).search(gallery,
            EncryptedProbe.read(probe, otherKeys().server()), scoreForm(),
            dir.resolve("s.hrec"), ProgressListener.NONE));
    assertMessage(e, "another key", GalleryStore.RECORDS_FILE);
  }

  @Test
  void probeOfOtherKeysIsRefused() throws IOException {
    Path probe = probeFile(otherKeys(), 4);
    var e = assertThrows(RecordFileException.class, () -> EncryptedProbe.read(probe, backends().server()));
    assertMessage(e, "another key");
  }

  @Test
  void scoresAreRefusedByAClientWithOtherKeys() throws IOException {
    Path scores = scores(smallGallery(3, 4), probeFile(backends(), 4));
    var e = assertThrows(RecordFileException.class,
        () -> new SearchClient(otherKeys().client(), 1).topK(scores, 1, ProgressListener.NONE));
    assertMessage(e, "another key", "scores.hrec");
  }

  @Test
  void galleryUnderOtherParametersIsRefused() throws IOException {
    Path gallery = smallGallery(3, 4);
    var e = assertThrows(RecordFileException.class, () -> GalleryStore.open(gallery, otherParameters().server()));
    assertMessage(e, "other encryption parameters");
  }

  @Test
  void probeOfOtherDimensionIsRefused() throws IOException {
    Path gallery = smallGallery(3, 4);
    Path probe = probeFile(backends(), 8);
    var e = assertThrows(RecordFileException.class, () -> scores(gallery, probe));
    assertMessage(e, "gallery dimension 4 does not match probe dimension 8");
  }

  @Test
  void truncatedGalleryIsRefused() throws IOException {
    Path gallery = smallGallery(3, 4);
    Path file = GalleryStore.recordsFile(gallery);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(raf.length() - 100);
    }
    var e = assertThrows(RecordFileException.class, () -> GalleryStore.open(gallery, backends().server()));
    assertMessage(e, "truncated");
  }

  @Test
  void tamperedBlockIsRefused() throws IOException {
    Path gallery = smallGallery(3, 4);
    Path file = GalleryStore.recordsFile(gallery);
    flipByte(file, RecordFileHeader.HEADER_BYTES + RecordFileHeader.RECORD_PREFIX_BYTES + 40);
    Path probe = probeFile(backends(), 4);
    var e = assertThrows(RecordFileException.class, () -> scores(gallery, probe));
    assertMessage(e, "record 0", "checksum");
  }

  @Test
  void tamperedHeaderIsRefused() throws IOException {
    Path gallery = smallGallery(3, 4);
    Path file = GalleryStore.recordsFile(gallery);
    String text = new String(Files.readAllBytes(file), 0, RecordFileHeader.HEADER_BYTES,
        java.nio.charset.StandardCharsets.ISO_8859_1);
    int at = text.indexOf("items=") + "items=".length();
    flipByte(file, at);
    var e = assertThrows(RecordFileException.class, () -> GalleryStore.open(gallery, backends().server()));
    assertMessage(e, "header");
  }

  @Test
  void tamperedScoresAreRefused() throws IOException {
    Path scores = scores(smallGallery(3, 4), probeFile(backends(), 4));
    flipByte(scores, Files.size(scores) - 10);
    var e = assertThrows(RecordFileException.class,
        () -> new SearchClient(backends().client(), 1).topK(scores, 1, ProgressListener.NONE));
    assertMessage(e, "checksum");
  }

  @Test
  void tamperedProbeIsRefused() throws IOException {
    Path probe = probeFile(backends(), 4);
    flipByte(probe, RecordFileHeader.HEADER_BYTES + 100);
    var e = assertThrows(RecordFileException.class, () -> EncryptedProbe.read(probe, backends().server()));
    assertMessage(e, "checksum");
  }

  /** Flips the low bit of the byte at {@code offset}. */
  protected static void flipByte(Path file, long offset) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(offset);
      int b = raf.read();
      raf.seek(offset);
      raf.write(b ^ 1);
    }
  }
}
