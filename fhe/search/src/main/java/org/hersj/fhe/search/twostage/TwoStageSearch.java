package org.hersj.fhe.search.twostage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hersj.fhe.search.ProcessCpuClock;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.baseline.Boddeti2018Search;
import org.hersj.fhe.search.client.Match;
import org.hersj.fhe.search.client.SearchClient;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.server.EncryptedSearchServer;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.store.EncryptedProbe;
import org.hersj.fhe.search.store.FileKind;
import org.hersj.fhe.search.store.RecordFileReader;

/**
 * Runs both roles of a two-stage search in one process (client: encrypt, decrypt, rank; server:
 * evaluation keys only), for experiments, benchmarks and the CLI: stage 1 scans the reduced HERS
 * gallery and the client keeps the top K; stage 2 re-scores those K on the packed full-dimension
 * gallery; the final ranking is by the stage-2 scores.
 */
public final class TwoStageSearch {

  private final ClientBackend client;
  private final ServerBackend server;
  private final int threads;
  private final Stage2Form form;

  /** Both roles of one key pair; the server's keys must include {@link #rotationSteps} of the full dimension. */
  public TwoStageSearch(ClientBackend client, ServerBackend server, int threads) {
    this(client, server, threads, Stage2Form.SERVER_SUMS);
  }

  /** Both roles of one key pair, with the explicit choice of who sums stage 2's segments. */
  public TwoStageSearch(ClientBackend client, ServerBackend server, int threads, Stage2Form form) {
    if (!client.keyFingerprint().equals(server.keyFingerprint())) {
      throw new IllegalArgumentException("client and server backends belong to different keys");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.client = client;
    this.server = server;
    this.threads = threads;
    this.form = form;
  }

  /** Rotation keys stage 2 needs for {@code fullDimension}-d features: 1, 2, ..., p/2. */
  public static int[] rotationSteps(int fullDimension) {
    return Boddeti2018Search.rotationSteps(fullDimension);
  }

  /**
   * Two-stage search of {@code gallery} for one probe given in both representations.
   *
   * @param reducedProbe the probe in the stage-1 (reduced) space
   * @param fullProbe the probe in the stage-2 (full-dimension) space
   * @param k candidates kept by stage 1 (capped at the gallery size)
   * @param workDir where the stage-1 scores file is written (and replaced)
   */
  public TwoStageResult search(TwoStageGallery gallery, float[] reducedProbe, float[] fullProbe, int k,
      Path workDir, ProgressListener progress) throws IOException {
    Files.createDirectories(workDir);
    SearchClient searchClient = new SearchClient(client, threads);
    long c0 = ProcessCpuClock.nanos();
    long t0 = System.nanoTime();
    EncryptedProbe probe1 = searchClient.encryptProbe(reducedProbe, GalleryEnroller.hersLayoutFor(server))
        .handOver(workDir.resolve("stage1-probe.hrec"), client, server);
    Path scores = workDir.resolve("stage1-scores.hrec");
    new EncryptedSearchServer(server, threads).search(gallery.reducedDir(), probe1, ScoreForm.RELINEARIZED,
        scores, progress);
    List<Match> stage1 = searchClient.topK(scores, k, progress);
    long c1 = ProcessCpuClock.nanos();
    long t1 = System.nanoTime();
    // what the server receives: the candidates in a random order, not stage 1's ranking
    long items;
    try (RecordFileReader reader = RecordFileReader.open(scores, FileKind.SCORES)) {
      items = reader.header().layout().itemCount();
    }
    Stage2Request request = Stage2Request.inRandomOrder(items, client.keyFingerprint(),
        stage1.stream().mapToLong(Match::item).toArray());
    long[] candidates = request.candidates();
    TwoStageClient stage2Client = new TwoStageClient(client);
    EncryptedProbe probe2 = stage2Client.encryptMaskedProbes(fullProbe)
        .handOver(workDir.resolve("stage2-probe.hrec"), client, server);
    Stage2Response response = new Stage2Server(server, threads).score(gallery.fullDir(), probe2, candidates, form,
        progress);
    // the response travels back as the roles exchange it: written by the server, read by the client
    Path responseFile = workDir.resolve("stage2-response.h2r");
    Stage2ResponseFile.write(responseFile, response, request, server);
    List<Match> ranking = stage2Client.scores(Stage2ResponseFile.read(responseFile, request, client), candidates);
    long c2 = ProcessCpuClock.nanos();
    long t2 = System.nanoTime();
    return new TwoStageResult(stage1, ranking, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (c1 - c0) / 1e9,
        (c2 - c1) / 1e9, response.groups().groupCount(), response.responseBytes());
  }

}
