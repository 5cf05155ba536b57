package org.hersj.fhe.search.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.client.SearchClient;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.SyntheticRows;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.server.EncryptedSearchServer;
import org.hersj.fhe.search.server.RecordScan;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.testing.ClearTestBackend;
import org.hersj.fhe.search.testing.GeneratedGallery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Score files are written transiently (no journal, nothing forced): still published only when complete, an
 * unfinished one never appears under its name, and records lost before they reached the disk are refused
 * by the reader, never decrypted.
 */
class TransientScoresFileTest {

  private static final int SLOTS = 8;
  private static final int D = 4;
  private static final int BLOCKS = 3;

  @TempDir
  Path dir;

  private static final float[][] ROWS = SyntheticRows.materialize(SLOTS * BLOCKS, D, 4);

  private final ClearTestBackend backend = new ClearTestBackend(SLOTS, "p", "k");
  private final SearchClient client = new SearchClient(backend, 1);

  private Path enrolledGallery() throws IOException {
    Path store = dir.resolve("gallery");
    new GalleryEnroller(backend, 1, 1).enroll(new SyntheticRows(SLOTS * BLOCKS, D, 4), LayoutKind.HERS_SIMD, store,
        ProgressListener.NONE);
    return store;
  }

  /** Scores gallery row 5 as the probe against {@code store} into {@code scores}. */
  private void searchRow5(Path store, Path scores) throws IOException {
    new EncryptedSearchServer(backend, 2).search(store, client.encryptProbe(ROWS[5], LayoutKind.HERS_SIMD),
        ScoreForm.RELINEARIZED, scores, ProgressListener.NONE);
  }

  private RecordFileHeader header() {
    return GalleryEnroller.galleryHeader(new GalleryLayout(LayoutKind.HERS_SIMD, SLOTS * BLOCKS, D, SLOTS), backend);
  }

  @Test
  void aSearchPublishesCompleteScoresWithoutAJournal() throws IOException {
    Path store = enrolledGallery();
    Path scores = dir.resolve("scores.hrec");
    Files.writeString(RecordFileWriter.partFileOf(scores), "left by a killed search");
    Files.writeString(RecordFileWriter.journalFileOf(scores), "left by an older version");
    searchRow5(store, scores);
    assertArrayEquals(GeneratedGallery.plainScores(ROWS, ROWS[5]), client.allScores(scores, ProgressListener.NONE),
        1e-12);
    assertFalse(Files.exists(RecordFileWriter.partFileOf(scores)), "the part file was renamed");
    assertFalse(Files.exists(RecordFileWriter.journalFileOf(scores)), "no journal is left or written");
  }

  @Test
  void anUnfinishedWriteIsNotPublishedAndAnExistingFileIsNotReplaced() throws IOException {
    Path target = dir.resolve("scores.hrec");
    RecordFileHeader header = header();
    try (RecordFileWriter writer = RecordFileWriter.openTransient(target, header)) {
      writer.write(0, SLOTS, new RecordBuffer(header));
      var e = assertThrows(RecordFileException.class, writer::finish);
      assertTrue(e.getMessage().contains("2 of 3 records are not written"), e.getMessage());
    }
    assertFalse(Files.exists(target));
    assertFalse(Files.exists(RecordFileWriter.journalFileOf(target)));

    writeComplete(target, header);
    assertTrue(Files.exists(target));
    var e = assertThrows(RecordFileException.class, () -> RecordFileWriter.openTransient(target, header));
    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
  }

  @Test
  void aRecordLostBeforeReachingTheDiskIsRefusedByTheReader() throws IOException {
    Path target = dir.resolve("scores.hrec");
    RecordFileHeader header = header();
    writeComplete(target, header);
    // a power loss after the rename: the page cache held record 1, the disk has zeros there
    try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.allocate(header.recordBytes()), header.recordOffset(1));
    }
    try (RecordFileReader reader = RecordFileReader.open(target, FileKind.GALLERY)) {
      RecordBuffer buffer = new RecordBuffer(header);
      reader.read(0, buffer);
      var e = assertThrows(RecordFileException.class, () -> reader.read(1, buffer));
      assertTrue(e.getMessage().contains("no record marker"), e.getMessage());
      assertEquals(BLOCKS, reader.header().recordCount());
    }
  }

  @Test
  void aFailedSearchLeavesNothingAndTheNextOnePublishes() throws IOException {
    Path store = enrolledGallery();
    Path scores = dir.resolve("scores.hrec");
    Path records = GalleryStore.recordsFile(store);
    long damaged = RecordFileHeader.HEADER_BYTES + header().recordBytes() * 2L + RecordFileHeader.RECORD_PREFIX_BYTES;
    flipLowBit(records, damaged);
    var e = assertThrows(RecordFileException.class, () -> searchRow5(store, scores));
    assertTrue(e.getMessage().contains("record 2") && e.getMessage().contains("hers enroll"), e.getMessage());
    assertFalse(Files.exists(scores), "no scores are published from a failed search");
    assertFalse(Files.exists(RecordFileWriter.partFileOf(scores)), "nor left half-written");

    flipLowBit(records, damaged);
    searchRow5(store, scores);
    assertArrayEquals(GeneratedGallery.plainScores(ROWS, ROWS[5]), client.allScores(scores, ProgressListener.NONE),
        1e-12);
  }

  @Test
  void emptyHeaderOnlyAndUnfinishedScoresFilesAreRefusedWithWhatToDo() throws IOException {
    RecordFileHeader scoresHeader = RecordScan.scoresHeader(header().layout(), backend, 1, 0);
    Path empty = Files.createFile(dir.resolve("empty.hrec"));
    var e = assertThrows(RecordFileException.class, () -> RecordFileReader.open(empty, FileKind.SCORES));
    assertTrue(e.getMessage().contains("0 bytes") && e.getMessage().contains("truncated"), e.getMessage());

    Path headerOnly = dir.resolve("header-only.hrec");
    Files.write(headerOnly, scoresHeader.encode());
    e = assertThrows(RecordFileException.class, () -> RecordFileReader.open(headerOnly, FileKind.SCORES));
    assertTrue(e.getMessage().contains("shorter") || e.getMessage().contains("truncated"), e.getMessage());

    Path unfinished = dir.resolve("unfinished.hrec");
    Files.write(RecordFileWriter.partFileOf(unfinished), scoresHeader.encode());
    e = assertThrows(RecordFileException.class, () -> RecordFileReader.open(unfinished, FileKind.SCORES));
    assertTrue(e.getMessage().contains("run the search again"), e.getMessage());
  }

  @Test
  void anInterruptedWriteDeletesItsPartToo() throws IOException {
    Path target = dir.resolve("scores.hrec");
    RecordFileHeader header = header();
    try (RecordFileWriter writer = RecordFileWriter.openTransient(target, header)) {
      writer.write(0, SLOTS, new RecordBuffer(header));
      // a worker interrupted mid-write (Workers.runOnThreads stops the others when one fails): the channel closes
      Thread.currentThread().interrupt();
      assertThrows(java.nio.channels.ClosedByInterruptException.class,
          () -> writer.write(1, SLOTS, new RecordBuffer(header)));
    } finally {
      Thread.interrupted();
    }
    assertFalse(Files.exists(RecordFileWriter.partFileOf(target)), "the .part of an interrupted search is deleted");
    assertFalse(Files.exists(target));
  }

  @Test
  void aWriteWhoseTemporaryFileAnotherReplacedPublishesNothingAndLeavesTheOther() throws IOException {
    Path target = dir.resolve("scores.hrec");
    Path probe = Files.createFile(dir.resolve("file-key-probe"));
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.readAttributes(probe, java.nio.file.attribute.BasicFileAttributes.class).fileKey() != null,
        "the file system identifies files (fileKey), which telling two writes' temporary files apart needs");
    RecordFileHeader header = header();
    try (RecordFileWriter first = RecordFileWriter.openTransient(target, header)) {
      writeRecords(first, header, 0);
      try (RecordFileWriter second = RecordFileWriter.openTransient(target, header)) { // replaces first's .part
        second.write(0, SLOTS, new RecordBuffer(header));
        var e = assertThrows(RecordFileException.class, first::finish);
        assertTrue(e.getMessage().contains("another write of this file replaced"), e.getMessage());
        first.close();
        assertFalse(Files.exists(target), "the other write's half-written file is not published");
        assertTrue(Files.exists(RecordFileWriter.partFileOf(target)), "nor deleted by the first writer");
        writeRecords(second, header, 1);
        second.finish();
      }
    }
    assertTrue(Files.exists(target), "the second write completes and publishes");
  }

  /** Writes records {@code from} .. BLOCKS - 1 (empty ones) with {@code writer}. */
  // A whole transient file written and published, as a search that finishes writes it.
  private static void writeComplete(Path target, RecordFileHeader header) throws IOException {
    try (RecordFileWriter writer = RecordFileWriter.openTransient(target, header)) {
      writeRecords(writer, header, 0);
      writer.finish();
    }
  }

  private static void writeRecords(RecordFileWriter writer, RecordFileHeader header, int from) throws IOException {
    for (int r = from; r < BLOCKS; r++) {
      writer.write(r, SLOTS, new RecordBuffer(header));
    }
  }

  private static void flipLowBit(Path file, long offset) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      ch.read(one, offset);
      one.put(0, (byte) (one.get(0) ^ 1)).rewind();
      ch.write(one, offset);
    }
  }
}
