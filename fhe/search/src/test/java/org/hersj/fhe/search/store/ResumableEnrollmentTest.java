package org.hersj.fhe.search.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.client.SearchClient;
import org.hersj.fhe.search.enroll.EnrollmentSummary;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.RowSource;
import org.hersj.fhe.search.enroll.SyntheticRows;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.server.EncryptedSearchServer;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.testing.ClearTestBackend;
import org.hersj.fhe.search.testing.GeneratedGallery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crash safety and resumption of enrollment, on the clear test backend (8 slots). */
class ResumableEnrollmentTest {

  private static final int SLOTS = 8;
  private static final int D = 4;
  private static final int BLOCKS = 5;

  @TempDir
  Path dir;

  /** A source that fails with an IOException after delivering {@code failAfter} rows. */
  private static RowSource crashingAfter(long failAfter) {
    SyntheticRows rows = new SyntheticRows(SLOTS * BLOCKS, D, 9);
    return new RowSource() {
      private long delivered;

      @Override
      public int dimension() {
        return D;
      }

      @Override
      public long rowCount() {
        return rows.rowCount();
      }

      @Override
      public void next(float[] row) throws IOException {
        if (delivered++ == failAfter) {
          throw new IOException("simulated crash");
        }
        rows.next(row);
      }
    };
  }

  @Test
  void interruptedEnrollmentLeavesNoValidGalleryAndResumesWithoutReencrypting() throws IOException {
    ClearTestBackend backend = new ClearTestBackend(SLOTS, "p", "k");
    Path store = dir.resolve("gallery");
    GalleryEnroller enroller = new GalleryEnroller(backend, 1, 1);
    assertThrows(IOException.class,
        () -> enroller.enroll(crashingAfter(3L * SLOTS + 2), LayoutKind.HERS_SIMD, store, ProgressListener.NONE));
    assertFalse(GalleryStore.isComplete(store));
    var e = assertThrows(RecordFileException.class, () -> GalleryStore.open(store, backend));
    assertTrue(e.getMessage().contains("unfinished"), e.getMessage());
    assertEquals(3L * D, backend.encryptions());

    EnrollmentSummary resumed = enroller.enroll(new SyntheticRows(SLOTS * BLOCKS, D, 9), LayoutKind.HERS_SIMD,
        store, ProgressListener.NONE);
    assertEquals(3, resumed.resumedRecords());
    assertEquals((long) BLOCKS * D, backend.encryptions(), "finished blocks were encrypted again");
    assertTrue(GalleryStore.isComplete(store));
    assertFalse(Files.exists(RecordFileWriter.journalFileOf(GalleryStore.recordsFile(store))));

    float[][] rows = SyntheticRows.materialize(SLOTS * BLOCKS, D, 9);
    float[] probe = rows[17];
    SearchClient client = new SearchClient(backend, 1);
    Path scores = dir.resolve("scores.hrec");
    new EncryptedSearchServer(backend, 2).search(store, client.encryptProbe(probe, LayoutKind.HERS_SIMD),
        ScoreForm.RELINEARIZED, scores, ProgressListener.NONE);
    assertArrayEquals(GeneratedGallery.plainScores(rows, probe), client.allScores(scores, ProgressListener.NONE),
        1e-12);
  }

  @Test
  void recordsWrittenButNotJournaledAndTornJournalEntriesAreRedone() throws IOException {
    ClearTestBackend backend = new ClearTestBackend(SLOTS, "p", "k");
    Path store = dir.resolve("gallery");
    GalleryEnroller enroller = new GalleryEnroller(backend, 1, 100);
    assertThrows(IOException.class,
        () -> enroller.enroll(crashingAfter(2L * SLOTS), LayoutKind.HERS_SIMD, store, ProgressListener.NONE));
    Path journal = RecordFileWriter.journalFileOf(GalleryStore.recordsFile(store));
    // close() synced the two written records; append a torn third entry as a crash mid-append would.
    long synced = Files.size(journal);
    Files.write(journal, new byte[] {2, 0, 0, 0, 0}, StandardOpenOption.APPEND);
    RecordFileHeader header = GalleryEnroller.galleryHeader(
        new org.hersj.fhe.search.layout.GalleryLayout(LayoutKind.HERS_SIMD, SLOTS * BLOCKS, D, SLOTS), backend);
    try (RecordFileWriter writer = RecordFileWriter.open(GalleryStore.recordsFile(store), header, 1)) {
      assertEquals(2, writer.doneCount());
      assertTrue(writer.isDone(1));
      assertFalse(writer.isDone(2));
    }
    assertEquals(synced, Files.size(journal), "the torn entry was not cut off");
  }

  @Test
  void resumingWithOtherInputsIsRefused() throws IOException {
    ClearTestBackend backend = new ClearTestBackend(SLOTS, "p", "k");
    Path store = dir.resolve("gallery");
    GalleryEnroller enroller = new GalleryEnroller(backend, 1, 1);
    assertThrows(IOException.class,
        () -> enroller.enroll(crashingAfter(SLOTS + 1), LayoutKind.HERS_SIMD, store, ProgressListener.NONE));
    var e = assertThrows(RecordFileException.class, () -> enroller.enroll(new SyntheticRows(SLOTS * BLOCKS, D + 1, 9),
        LayoutKind.HERS_SIMD, store, ProgressListener.NONE));
    assertTrue(e.getMessage().contains("different header"), e.getMessage());
  }

  @Test
  void completeGalleryIsNotOverwritten() throws IOException {
    ClearTestBackend backend = new ClearTestBackend(SLOTS, "p", "k");
    Path store = dir.resolve("gallery");
    GalleryEnroller enroller = new GalleryEnroller(backend, 2, 2);
    enroller.enroll(new SyntheticRows(SLOTS + 1, D, 1), LayoutKind.HERS_SIMD, store, ProgressListener.NONE);
    var e = assertThrows(RecordFileException.class, () -> enroller.enroll(new SyntheticRows(SLOTS + 1, D, 1),
        LayoutKind.HERS_SIMD, store, ProgressListener.NONE));
    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
  }
}
