package org.hersj.experiments.bench.twostage;

import org.hersj.fhe.search.ProcessCpuClock;
import org.hersj.fhe.search.twostage.Stage2Form;
import org.hersj.fhe.search.twostage.TwoStageGallery;
import org.hersj.fhe.search.twostage.TwoStageResult;
import org.hersj.fhe.search.twostage.TwoStageSearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.experiments.bench.search.LinearExtrapolation;
import org.hersj.experiments.bench.search.SearchBenchmark;
import org.hersj.fhe.search.client.SearchClient;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.SyntheticRows;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.server.EncryptedSearchServer;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.server.SearchReport;
import org.hersj.fhe.search.store.GalleryStore;

/**
 * Measures, per gallery size, single-stage full-dimension search, single-stage reduced search and
 * two-stage search (stage 1 on the reduced gallery + stage 2 on {@code measuredK} candidates), all on
 * synthetic unit rows enrolled to disk, and extrapolates to large n and K (see
 * {@link TwoStageBenchmarkResult}). Times are process CPU seconds (robust on a shared machine).
 */
public final class TwoStageBenchmark {

  private final ClientBackend client;
  private final ServerBackend server;

  /** A benchmark with both backends of one key pair (with stage 2's rotation keys). */
  public TwoStageBenchmark(ClientBackend client, ServerBackend server) {
    this.client = client;
    this.server = server;
  }

  /** Measures every size; progress stages are those of enrollment and search, plus "benchmark". */
  public TwoStageBenchmarkResult run(TwoStageBenchmarkConfig config, ProgressListener progress) throws IOException {
    Files.createDirectories(config.workDir());
    measure(config, config.sizes().get(0), ProgressListener.NONE); // warm-up (JIT), discarded
    List<TwoStageBenchmarkRow> rows = new ArrayList<>();
    for (long n : config.sizes()) {
      rows.add(measure(config, n, progress));
      progress.progress("benchmark", rows.size(), config.sizes().size());
    }
    List<TwoStageBenchmarkRow> withFull = rows.stream().filter(r -> !Double.isNaN(r.fullCpuSeconds())).toList();
    LinearExtrapolation fullFit = LinearExtrapolation.fit(withFull.stream().map(TwoStageBenchmarkRow::items).toList(),
        withFull.stream().map(TwoStageBenchmarkRow::fullCpuSeconds).toList());
    LinearExtrapolation reducedFit = LinearExtrapolation.fit(rows.stream().map(TwoStageBenchmarkRow::items).toList(),
        rows.stream().map(TwoStageBenchmarkRow::reducedCpuSeconds).toList());
    TwoStageBenchmarkRow largest = rows.get(rows.size() - 1);
    int perRecord = new GalleryLayout(LayoutKind.PACKED_ITEMS, 1, config.fullDimension(), server.slots())
        .itemsPerRecord();
    return new TwoStageBenchmarkResult(server.describeParameters(), rows, fullFit, reducedFit,
        largest.stage2CpuPerGroup(), largest.stage2ClientSumsCpuPerGroup(),
        withFull.get(withFull.size() - 1).fullBlockCpuSeconds(), perRecord,
        new GalleryLayout(GalleryEnroller.hersLayoutFor(server), 1, config.fullDimension(), server.slots())
            .itemsPerRecord());
  }

  private TwoStageBenchmarkRow measure(TwoStageBenchmarkConfig config, long n, ProgressListener progress)
      throws IOException {
    Path work = Files.createTempDirectory(config.workDir(), "two-stage-" + n + "-");
    try {
      GalleryEnroller enroller = new GalleryEnroller(client, config.threads(), 64);
      TwoStageGallery gallery = TwoStageGallery.enroll(enroller,
          new SyntheticRows(n, config.reducedDimension(), config.seed()),
          new SyntheticRows(n, config.fullDimension(), config.seed() + 1), work.resolve("reduced"),
          work.resolve("full-packed"), progress);
      float[] reducedProbe = probe(config.reducedDimension(), config.seed());
      float[] fullProbe = probe(config.fullDimension(), config.seed() + 1);
      int k = (int) Math.min(config.measuredK(), n);
      double fullCpu = Double.NaN;
      double fullBlock = Double.NaN;
      if (n <= config.fullSingleStageUpTo()) {
        Path fullHers = work.resolve("full-hers");
        enroller.enroll(new SyntheticRows(n, config.fullDimension(), config.seed() + 1), GalleryEnroller.hersLayoutFor(server),
            fullHers, progress);
        long c0 = ProcessCpuClock.nanos();
        SearchReport report = singleStage(config, fullHers, fullProbe, k, work, progress);
        fullCpu = (ProcessCpuClock.nanos() - c0) / 1e9;
        fullBlock = (report.scoreSeconds() + report.readSeconds()) / report.records();
        SearchBenchmark.deleteTree(fullHers);
      }
      long c0 = ProcessCpuClock.nanos();
      singleStage(config, gallery.reducedDir(), reducedProbe, k, work, progress);
      double reducedCpu = (ProcessCpuClock.nanos() - c0) / 1e9;
      TwoStageResult r = new TwoStageSearch(client, server, config.threads())
          .search(gallery, reducedProbe, fullProbe, k, work, progress);
      TwoStageResult clientSums = new TwoStageSearch(client, server, config.threads(), Stage2Form.CLIENT_SUMS_REVEALS_PRODUCTS)
          .search(gallery, reducedProbe, fullProbe, k, work, progress);
      return new TwoStageBenchmarkRow(n, config.threads(), fullCpu, reducedCpu, r.stage1CpuSeconds(),
          r.stage2CpuSeconds(), r.stage1().size(), r.groups(), r.stage2CpuSeconds() / r.groups(),
          clientSums.stage2CpuSeconds() / clientSums.groups(), fullBlock,
          r.totalSeconds(), Files.size(GalleryStore.recordsFile(gallery.fullDir())), r.responseBytes());
    } finally {
      SearchBenchmark.deleteTree(work);
    }
  }

  /** Probe encryption, server scan, decryption and top k of a HERS gallery: one single-stage search. */
  private SearchReport singleStage(TwoStageBenchmarkConfig config, Path store, float[] probe, int k, Path work,
      ProgressListener progress) throws IOException {
    SearchClient searchClient = new SearchClient(client, config.threads());
    Path scores = work.resolve("single-stage-scores.hrec");
    SearchReport report = new EncryptedSearchServer(server, config.threads()).search(store,
        searchClient.encryptProbe(probe, GalleryEnroller.hersLayoutFor(server)), ScoreForm.RELINEARIZED, scores, progress);
    searchClient.topK(scores, k, progress);
    return report;
  }

  private static float[] probe(int dimension, long seed) {
    float[] p = new float[dimension];
    SyntheticRows.fill(~seed, 0, p);
    return p;
  }
}
