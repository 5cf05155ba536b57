package org.hersj.fhe.search.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.BlockEvaluator;
import org.hersj.fhe.search.backend.PayloadEncoding;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.layout.OperationCounter;
import org.hersj.fhe.search.store.EncryptedProbe;
import org.hersj.fhe.search.store.GalleryStore;
import org.hersj.fhe.search.store.RecordFileException;
import org.hersj.fhe.search.store.RecordFileHeader;
import org.hersj.fhe.search.store.RecordSet;

/**
 * HERS search with both probe and gallery encrypted (the paper's threat model): for each block,
 * scores = sum_j probe_j * gallery_{block,j}, the d degree-2 products accumulated and relinearised +
 * rescaled once per block (lazy relinearisation), or returned as they are with
 * {@link ScoreForm#DEGREE_TWO}.
 * Built from a {@link ServerBackend}: evaluation keys only.
 */
public final class EncryptedSearchServer {

  /**
   * Galleries of at least this many blocks get the probe prepared once for all blocks: preparing the
   * probe costs about one unprepared block product (measured: 3.2-3.8 ms for 16 ciphertexts at N = 8192
   * against 3.3 ms per unprepared and 1.7 ms per prepared block product), so it pays from about the
   * third block.
   */
  public static final int PREPARE_FROM_BLOCKS = 3;

  private final ServerBackend backend;
  private final RecordScan scan;

  /** A server scoring on {@code threads} threads. */
  public EncryptedSearchServer(ServerBackend backend, int threads) {
    this.backend = backend;
    this.scan = new RecordScan(backend, threads);
  }

  /**
   * Scores the gallery store {@code galleryDir} against {@code probe} and writes the encrypted
   * scores to {@code scoresFile}.
   *
   * @throws RecordFileException if the gallery is damaged, made under other parameters, not in the
   *     HERS layout, or of another dimension than the probe
   */
  public SearchReport search(Path galleryDir, EncryptedProbe probe, ScoreForm form, Path scoresFile,
      ProgressListener progress) throws IOException {
    form.requireSupportedBy(backend);
    try (RecordSet gallery = GalleryStore.openRecords(galleryDir, backend)) {
      return search(gallery, probe, prepare(probe, gallery.header().recordCount()), form, scoresFile, progress);
    }
  }

  /**
   * The probe's ciphertexts as the scorers use them for a gallery of {@code records} records: prepared
   * once for all blocks from {@link #PREPARE_FROM_BLOCKS} blocks on. The result is immutable and may be
   * shared by several searches (the shards of one gallery).
   */
  public BackendCiphertext[] prepare(EncryptedProbe probe, long records) {
    BackendCiphertext[] given = probe.ciphertexts().toArray(new BackendCiphertext[0]);
    return records >= PREPARE_FROM_BLOCKS ? backend.newEvaluator().prepareFixed(given) : given;
  }

  /**
   * Scores the open gallery {@code gallery} (a record file, one shard, or all shards) against
   * {@code probe}, whose ciphertexts {@link #prepare} made into {@code prepared}, into {@code scoresFile}.
   *
   * @throws RecordFileException if the gallery is not in a HERS layout or of another dimension than the probe
   */
  public SearchReport search(RecordSet gallery, EncryptedProbe probe, BackendCiphertext[] prepared, ScoreForm form,
      Path scoresFile, ProgressListener progress) throws IOException {
    form.requireSupportedBy(backend);
    requireDimensionMajor(gallery.header(), probe, probe.dimension(), gallery.file());
    OperationCounter counter = new OperationCounter();
    PayloadEncoding encoding = gallery.header().payloadEncoding();
    return scan.run(gallery, () -> new BlockScorer(prepared, form, counter, encoding), form.degree(),
        form.level(backend), scoresFile, counter, progress);
  }

  /**
   * Checks that the gallery is in a HERS layout (either packing: the probe is the same for both), that
   * the probe (if any) was encrypted for a HERS layout, and that their dimensions agree.
   */
  static void requireDimensionMajor(RecordFileHeader gallery, EncryptedProbe probe, int dimension, Path file)
      throws RecordFileException {
    LayoutKind kind = gallery.layout().kind();
    if (!kind.dimensionMajor()) {
      throw new RecordFileException(file, "gallery is in the " + kind + " layout; this search needs a HERS"
          + " layout: re-enroll with --layout hers-complex or hers, or score it through SearchServer, which"
          + " chooses the scoring from the gallery's layout");
    }
    if (probe != null && !probe.kind().dimensionMajor()) {
      throw new RecordFileException(file, "the probe was encrypted for the " + probe.kind()
          + " layout; this gallery is " + kind + ": re-encrypt the probe for it");
    }
    if (gallery.layout().dimension() != dimension) {
      throw new RecordFileException(file, "gallery dimension " + gallery.layout().dimension()
          + " does not match probe dimension " + dimension);
    }
  }

  /** Per-thread scorer of one HERS block. */
  private final class BlockScorer implements RecordScorer {
    private final BackendCiphertext[] probe;
    private final ScoreForm form;
    private final OperationCounter counter;
    private final BlockEvaluator evaluator = backend.newEvaluator();
    private final BackendCiphertext[] columns;
    private final BackendCiphertext accumulator = backend.newCiphertext(2, backend.freshLevel());

    private final PayloadEncoding encoding;

    BlockScorer(BackendCiphertext[] probe, ScoreForm form, OperationCounter counter, PayloadEncoding encoding) {
      this.encoding = encoding;
      this.probe = probe;
      this.form = form;
      this.counter = counter;
      this.columns = new BackendCiphertext[probe.length];
      for (int j = 0; j < columns.length; j++) {
        columns[j] = backend.newCiphertext(1, backend.freshLevel());
      }
    }

    @Override
    public void score(ByteBuffer payload, int items, BackendCiphertext score) {
      for (BackendCiphertext column : columns) {
        backend.readPayload(payload, column, encoding);
      }
      if (form == ScoreForm.RELINEARIZED) {
        evaluator.innerProduct(probe, columns, columns.length, accumulator);
        evaluator.relinearizeAndRescale(accumulator, score);
        counter.add(probe.length, probe.length, 1, 1, 0);
      } else {
        evaluator.innerProduct(probe, columns, columns.length, score);
        counter.add(probe.length, probe.length, 0, 0, 0);
      }
    }
  }
}
