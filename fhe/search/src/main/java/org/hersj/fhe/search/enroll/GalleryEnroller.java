package org.hersj.fhe.search.enroll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.Workers;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.SearchBackend;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.layout.RecordPacker;
import org.hersj.fhe.search.store.FileKind;
import org.hersj.fhe.search.store.GalleryStore;
import org.hersj.fhe.search.store.InputIdentity;
import org.hersj.fhe.search.store.RecordBuffer;
import org.hersj.fhe.search.store.RecordFileHeader;
import org.hersj.fhe.search.store.RecordFileWriter;
import org.hersj.fhe.search.store.StoreLock;

/**
 * Encrypts a stream of feature rows into a gallery store. Several threads each take the next record's
 * rows from the source, encrypt its ciphertexts and write it; an interrupted enrollment of the same
 * rows, parameters and layout is resumed by calling {@link #enroll} again (finished records are skipped
 * without re-encryption). Rows are expected unit-normalised (scores are inner products).
 */
public final class GalleryEnroller {

  private final EncryptionBackend backend;
  private final int threads;
  private final int syncEvery;

  /**
   * An enroller encrypting with {@code backend} on {@code threads} threads, forcing data to disk and
   * journaling every {@code syncEvery} records.
   */
  public GalleryEnroller(EncryptionBackend backend, int threads, int syncEvery) {
    if (threads < 1 || syncEvery < 1) {
      throw new IllegalArgumentException("threads and syncEvery must be at least 1");
    }
    this.backend = backend;
    this.threads = threads;
    this.syncEvery = syncEvery;
  }

  /**
   * The faster HERS layout {@code backend} supports: {@link LayoutKind#HERS_COMPLEX} (two items per
   * slot) where it packs two values per slot, else {@link LayoutKind#HERS_SIMD}.
   */
  public static LayoutKind hersLayoutFor(SearchBackend backend) {
    return LayoutKind.hers(backend.packsTwoValuesPerSlot());
  }

  /** {@link #hersLayoutFor} this enroller's backend. */
  public LayoutKind hersLayout() {
    return hersLayoutFor(backend);
  }

  /** The header a gallery of {@code layout} made by {@code backend} carries. */
  public static RecordFileHeader galleryHeader(GalleryLayout layout, EncryptionBackend backend) {
    return new RecordFileHeader(FileKind.GALLERY, backend.engineName(),
        backend.parameterFingerprint(), backend.keyFingerprint(),
        backend.describeParameters(), layout, layout.recordCount(), layout.ciphertextsPerRecord(), 1,
        backend.freshLevel(), backend.payloadBytes(1, backend.freshLevel(), backend.freshEncoding()),
        backend.freshEncoding());
  }

  /**
   * Enrolls all rows of {@code source} into the store {@code directory} (created if needed) with
   * {@code kind} packing; resumes an interrupted enrollment of the same gallery.
   */
  public EnrollmentSummary enroll(RowSource source, LayoutKind kind, Path directory,
      ProgressListener progress) throws IOException {
    return enroll(source, kind, directory, progress, InputIdentity.NONE);
  }

  /**
   * As {@link #enroll(RowSource, LayoutKind, Path, ProgressListener)}, holding the directory's
   * {@link StoreLock} throughout, and recording {@code inputIdentity} (see {@link InputIdentity}) in the
   * journal: an interrupted enrollment made from another input is not resumed.
   *
   * @throws org.hersj.fhe.search.store.RecordFileException if another enrollment holds the directory or
   *     the interrupted one was made from another input
   */
  public EnrollmentSummary enroll(RowSource source, LayoutKind kind, Path directory,
      ProgressListener progress, String inputIdentity) throws IOException {
    if (kind.valuesPerSlot() == 2 && !backend.packsTwoValuesPerSlot()) {
      throw new IllegalArgumentException("the " + backend.engineName() + " engine holds one value per slot, so it"
          + " cannot enroll the " + kind + " layout; enroll with the HERS_SIMD layout (CLI: --layout hers, config:"
          + " fhe.layout: hers)");
    }
    try (StoreLock lock = StoreLock.acquire(directory)) {
      return enrollLocked(source, kind, directory, progress, inputIdentity);
    }
  }

  private EnrollmentSummary enrollLocked(RowSource source, LayoutKind kind, Path directory,
      ProgressListener progress, String inputIdentity) throws IOException {
    Files.createDirectories(directory);
    return enrollInto(source, kind, GalleryStore.recordsFile(directory), progress, inputIdentity);
  }

  /**
   * Enrolls all rows of {@code source} into the record file {@code recordsFile} (one shard of a sharded
   * gallery), resuming an interrupted write of it; its directory must exist and no other writer may use it
   * (sharded enrollments give every attempt its own directory).
   */
  public EnrollmentSummary enrollInto(RowSource source, LayoutKind kind, Path recordsFile,
      ProgressListener progress) throws IOException {
    if (kind.valuesPerSlot() == 2 && !backend.packsTwoValuesPerSlot()) {
      throw new IllegalArgumentException("the " + backend.engineName() + " engine holds one value per slot, so it"
          + " cannot enroll the " + kind + " layout; enroll with the HERS_SIMD layout (CLI: --layout hers, config:"
          + " fhe.layout: hers)");
    }
    return enrollInto(source, kind, recordsFile, progress, InputIdentity.NONE);
  }

  private EnrollmentSummary enrollInto(RowSource source, LayoutKind kind, Path recordsFile,
      ProgressListener progress, String inputIdentity) throws IOException {
    long start = System.nanoTime();
    GalleryLayout layout = new GalleryLayout(kind, source.rowCount(), source.dimension(), backend.slots());
    try (RecordFileWriter writer = RecordFileWriter.open(recordsFile, galleryHeader(layout, backend), syncEvery,
        inputIdentity)) {
      long resumed = writer.doneCount();
      AtomicLong nextRecord = new AtomicLong();
      AtomicLong finished = new AtomicLong(resumed);
      Workers.runOnThreads(threads, "enrollment",
          () -> encryptRecords(source, layout, writer, nextRecord, finished, progress));
      writer.finish();
      return new EnrollmentSummary(layout.recordCount(), resumed, (System.nanoTime() - start) / 1e9);
    }
  }


  private void encryptRecords(RowSource source, GalleryLayout layout, RecordFileWriter writer,
      AtomicLong nextRecord, AtomicLong finished, ProgressListener progress) throws IOException {
    EncryptionBackend worker = backend.newWorker();
    RecordPacker packer = new RecordPacker(layout);
    RecordBuffer record = new RecordBuffer(writer.header());
    BackendCiphertext ct = worker.newCiphertext(1, worker.freshLevel());
    float[] rows = new float[layout.itemsPerRecord() * layout.dimension()];
    float[] row = new float[layout.dimension()];
    long total = layout.recordCount();
    while (true) {
      long r;
      int items;
      synchronized (source) {
        r = nextRecord.getAndIncrement();
        if (r >= total) {
          return;
        }
        items = layout.itemsInRecord(r);
        if (writer.isDone(r)) {
          source.skip(items);
          continue;
        }
        for (int i = 0; i < items; i++) {
          source.next(row);
          System.arraycopy(row, 0, rows, i * row.length, row.length);
        }
      }
      var payload = record.payload();
      for (int c = 0; c < layout.ciphertextsPerRecord(); c++) {
        double[] column = packer.vector(rows, items, c);
        if (layout.kind().valuesPerSlot() == 2) {
          worker.encryptColumnPairs(column, ct);
        } else {
          worker.encryptColumn(column, ct);
        }
        worker.writePayload(payload, ct, writer.header().payloadEncoding());
      }
      writer.write(r, items, record);
      progress.progress("enroll", finished.incrementAndGet(), total);
    }
  }
}
