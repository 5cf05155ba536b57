package org.hersj.fhe.search.service;

import java.io.IOException;
import java.nio.file.Path;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.baseline.Boddeti2018Search;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.server.EncryptedSearchServer;
import org.hersj.fhe.search.server.PlaintextProbeSearchWeakerThreatModel;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.server.SearchReport;
import org.hersj.fhe.search.store.EncryptedProbe;
import org.hersj.fhe.search.store.GalleryStore;
import org.hersj.fhe.search.store.ReadMode;
import org.hersj.fhe.search.store.RecordFileException;
import org.hersj.fhe.search.store.RecordFileHeader;
import org.hersj.fhe.search.store.RecordSet;
import org.hersj.fhe.search.twostage.Stage2Response;
import org.hersj.fhe.search.twostage.Stage2Server;

/**
 * The server's one entry point for encrypted search: it reads the gallery's header and scores the gallery
 * as its layout needs. A HERS gallery (either packing) is scored block by block ({@link EncryptedSearchServer},
 * in the given {@link ScoreForm}); a Boddeti 2018 gallery item by item ({@link Boddeti2018Search}, always
 * relinearised); a packed full-dimension gallery is scored per candidate of a stage-2 request
 * ({@link #scoreCandidates}, {@link Stage2Server}). Built from a {@link ServerBackend}: evaluation keys only.
 */
public final class SearchServer {

  private final ServerBackend backend;
  private final int threads;
  private final EncryptedSearchServer hers;
  private final Boddeti2018Search boddeti;
  private final ReadMode readMode;

  /** A server scoring on {@code threads} threads, reading galleries through the page cache. */
  public SearchServer(ServerBackend backend, int threads) {
    this(backend, threads, ReadMode.CACHED);
  }

  /**
   * A server scoring on {@code threads} threads that reads the galleries of
   * {@link #search(Path, EncryptedProbe, ScoreForm, Path, ProgressListener)} in {@code readMode}; the stage-2 and
   * clear-probe searches (a few records, or the weaker threat model) read through the page cache.
   */
  public SearchServer(ServerBackend backend, int threads, ReadMode readMode) {
    this.backend = backend;
    this.threads = threads;
    this.readMode = readMode;
    this.hers = new EncryptedSearchServer(backend, threads);
    this.boddeti = new Boddeti2018Search(backend, threads);
  }

  /**
   * Scores every item of the gallery in {@code galleryDir} (one record file, or shards with a manifest)
   * against {@code probe} into the encrypted scores file {@code scoresFile}; {@code form} is the score form
   * of a HERS gallery (a Boddeti 2018 gallery always gives relinearised scores).
   *
   * @throws RecordFileException if the gallery is damaged, made under other parameters, packed (it is
   *     scored per candidate: {@link #scoreCandidates}), or does not fit the probe's layout or dimension
   */
  public SearchReport search(Path galleryDir, EncryptedProbe probe, ScoreForm form, Path scoresFile,
      ProgressListener progress) throws IOException {
    try (RecordSet gallery = GalleryStore.openRecords(galleryDir, backend, readMode)) {
      return search(gallery, probe, prepare(probe, gallery.header().recordCount()), form, scoresFile, progress);
    }
  }

  /**
   * The probe's ciphertexts as the scoring of a gallery of {@code records} records uses them (a HERS probe is
   * prepared once for all blocks from {@link EncryptedSearchServer#PREPARE_FROM_BLOCKS} blocks on). The
   * result is immutable and may be shared by several searches (the shards of one gallery).
   */
  public BackendCiphertext[] prepare(EncryptedProbe probe, long records) {
    return probe.kind().dimensionMajor() ? hers.prepare(probe, records)
        : probe.ciphertexts().toArray(new BackendCiphertext[0]);
  }

  /**
   * Scores the open gallery {@code gallery} (a record file, one shard, or all shards) against {@code probe},
   * whose ciphertexts {@link #prepare} made into {@code prepared}, into {@code scoresFile}.
   *
   * @throws RecordFileException as {@link #search(Path, EncryptedProbe, ScoreForm, Path, ProgressListener)}
   */
  public SearchReport search(RecordSet gallery, EncryptedProbe probe, BackendCiphertext[] prepared, ScoreForm form,
      Path scoresFile, ProgressListener progress) throws IOException {
    requireProbeFits(gallery.header(), probe, gallery.file());
    return switch (gallery.header().layout().kind()) {
      case HERS_SIMD, HERS_COMPLEX -> hers.search(gallery, probe, prepared, form, scoresFile, progress);
      case BODDETI_2018 -> boddeti.search(gallery, probe, scoresFile, progress);
      case PACKED_ITEMS -> throw new RecordFileException(gallery.file(), "is a packed full-dimension gallery"
          + " (stage 2 of two-stage search): it is scored per candidate of a stage-2 request ('hers search"
          + " --two-stage REQUEST'), not as a whole");
    };
  }

  /**
   * Stage 2 of two-stage search: scores the candidates {@code candidates} of the packed full-dimension gallery
   * in {@code galleryDir} against the segment-masked stage-2 probe (see {@link Stage2Server}).
   *
   * @throws RecordFileException if the gallery is not packed or does not fit the probe
   */
  public Stage2Response scoreCandidates(Path galleryDir, EncryptedProbe maskedProbes, long[] candidates,
      ProgressListener progress) throws IOException {
    return new Stage2Server(backend, threads).score(galleryDir, maskedProbes, candidates, progress);
  }

  /**
   * WEAKER THREAT MODEL: scores the HERS gallery in {@code galleryDir} against a probe given in the clear
   * (the server sees it; only the gallery is protected); see {@link PlaintextProbeSearchWeakerThreatModel}.
   */
  public SearchReport searchClearProbeWeakerThreatModel(Path galleryDir, float[] probe, Path scoresFile,
      ProgressListener progress) throws IOException {
    return new PlaintextProbeSearchWeakerThreatModel(backend, threads).search(galleryDir, probe, scoresFile, progress);
  }

  /**
   * Checks that {@code probe} was encrypted for the layout of the gallery whose header is {@code gallery}
   * (both HERS layouts take the same probe) and has its dimension.
   *
   * @throws RecordFileException naming {@code file} and what to re-encrypt otherwise
   */
  public static void requireProbeFits(RecordFileHeader gallery, EncryptedProbe probe, Path file)
      throws RecordFileException {
    GalleryLayout layout = gallery.layout();
    if (!layout.kind().takesProbeOf(probe.kind())) {
      throw new RecordFileException(file, "the probe was encrypted for the " + probe.kind() + " layout but the"
          + " gallery is in the " + layout.kind() + " layout: encrypt the probe with 'hers encrypt-probe --layout "
          + layout.kind().cliName() + "'");
    }
    if (layout.dimension() != probe.dimension()) {
      throw new RecordFileException(file, "gallery dimension " + layout.dimension()
          + " does not match probe dimension " + probe.dimension());
    }
  }
}
