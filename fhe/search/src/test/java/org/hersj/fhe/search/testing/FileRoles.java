package org.hersj.fhe.search.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ckks.CkksClientBackend;
import org.hersj.fhe.search.backend.ckks.CkksKeyFiles;
import org.hersj.fhe.search.backend.ckks.CkksSearchKeys;
import org.hersj.fhe.search.backend.ckks.CkksServerBackend;
import org.hersj.fhe.search.baseline.Boddeti2018Search;
import org.hersj.fhe.search.client.Match;
import org.hersj.fhe.search.client.SearchClient;
import org.hersj.fhe.search.enroll.EnrollmentSummary;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.RowSource;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.server.EncryptedSearchServer;
import org.hersj.fhe.search.server.PlaintextProbeSearchWeakerThreatModel;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.server.SearchReport;
import org.hersj.fhe.search.service.SearchServer;
import org.hersj.fhe.search.store.EncryptedProbe;

/**
 * Test fixture: the encrypted-search roles as one library call each, on files, with the pure-Java CKKS
 * engine: keygen (key owner), enroll (key owner or anyone with the public key), encrypt-probe (key owner),
 * search (server: evaluation keys only), decrypt-scores / rank (key owner). Tests use it to check that
 * the roles only meet through their files.
 */
public final class FileRoles {

  private FileRoles() {
  }

  /**
   * {@code hers keygen}: generates keys with secure randomness and writes them to {@code keyDir}.
   *
   * @param baselineDimension if positive, also rotation keys for the Boddeti 2018 baseline at this dimension
   */
  public static void keygen(CkksParameters params, Path keyDir, int baselineDimension) throws IOException {
    int[] steps = baselineDimension > 0 ? Boddeti2018Search.rotationSteps(baselineDimension) : new int[0];
    CkksKeyFiles.write(CkksSearchKeys.generate(params, RandomSource.secure(), steps), keyDir);
  }

  /**
   * {@code hers enroll}: encrypts {@code rows} into the gallery store {@code galleryDir} (resuming an
   * interrupted enrollment of the same rows).
   *
   * @param publicKeyOnly encrypt with the public key (no secret key needed) instead of the secret key
   */
  public static EnrollmentSummary enroll(Path keyDir, RowSource rows, LayoutKind layout, Path galleryDir,
      boolean publicKeyOnly, int threads, ProgressListener progress) throws IOException {
    EncryptionBackend backend = publicKeyOnly ? CkksKeyFiles.loadEnroller(keyDir, RandomSource.secure())
        : CkksKeyFiles.loadClient(keyDir, RandomSource.secure()).withoutNoiseFlooding();
    return new GalleryEnroller(backend, threads, 64).enroll(rows, layout, galleryDir, progress);
  }

  /** {@code hers encrypt-probe}: encrypts one probe for a gallery of {@code layout} into {@code probeFile}. */
  public static void encryptProbe(Path keyDir, float[] probe, LayoutKind layout, Path probeFile) throws IOException {
    CkksClientBackend client = CkksKeyFiles.loadClient(keyDir, RandomSource.secure()).withoutNoiseFlooding();
    new SearchClient(client, 1).encryptProbe(probe, layout).write(probeFile, client);
  }

  /**
   * {@code hers search}: scores the gallery against the encrypted probe file with the server's keys
   * (never the secret key) and writes the encrypted scores; HERS or Boddeti 2018 after the gallery's layout.
   */
  public static SearchReport search(Path serverKeyDir, Path galleryDir, Path probeFile, Path scoresFile,
      ScoreForm form, int threads, ProgressListener progress) throws IOException {
    CkksServerBackend server = CkksKeyFiles.loadServer(serverKeyDir);
    EncryptedProbe probe = EncryptedProbe.read(probeFile, server);
    return new SearchServer(server, threads).search(galleryDir, probe, form, scoresFile, progress);
  }

  /**
   * {@code hers search --plaintext-probe}: WEAKER THREAT MODEL, the server sees the probe; only the
   * gallery is protected. Scores are still encrypted.
   */
  public static SearchReport searchPlaintextProbeWeakerThreatModel(Path serverKeyDir, Path galleryDir,
      float[] probe, Path scoresFile, int threads, ProgressListener progress) throws IOException {
    CkksServerBackend server = CkksKeyFiles.loadServer(serverKeyDir);
    return new PlaintextProbeSearchWeakerThreatModel(server, threads).search(galleryDir, probe, scoresFile, progress);
  }

  /** {@code hers rank}: decrypts {@code scoresFile} and returns the {@code k} best items, best first. */
  public static List<Match> rank(Path keyDir, Path scoresFile, int k, int threads, ProgressListener progress)
      throws IOException {
    return new SearchClient(CkksKeyFiles.loadClient(keyDir, RandomSource.secure()).withoutNoiseFlooding(), threads)
        .topK(scoresFile, k, progress);
  }

  /** {@code hers decrypt-scores}: every decrypted score, by gallery item (galleries that fit in memory). */
  public static double[] decryptScores(Path keyDir, Path scoresFile, int threads, ProgressListener progress)
      throws IOException {
    return new SearchClient(CkksKeyFiles.loadClient(keyDir, RandomSource.secure()).withoutNoiseFlooding(), threads)
        .allScores(scoresFile, progress);
  }

  /**
   * In-process encrypted search for experiments ({@code search: encrypted}): fresh secure keys, the
   * gallery enrolled into {@code workDir}, each probe encrypted, scored by the server role into a scores
   * file and decrypted by the client role; the same files and code as the CLI roles.
   *
   * @return decrypted scores, {@code [probe][gallery item]}
   */
  public static double[][] scoreProbes(CkksParameters params, float[][] gallery, float[][] probes,
      Path workDir, int threads, ProgressListener progress) throws IOException {
    CkksSearchKeys keys = CkksSearchKeys.generate(params, RandomSource.secure());
    CkksClientBackend client = keys.client().withoutNoiseFlooding();
    Path store = workDir.resolve("gallery");
    new GalleryEnroller(client, threads, 64).enroll(RowSource.of(gallery), LayoutKind.HERS_COMPLEX, store, progress);
    SearchClient searchClient = new SearchClient(client, threads);
    EncryptedSearchServer server = new EncryptedSearchServer(keys.server(), threads);
    double[][] scores = new double[probes.length][];
    Path scoresFile = workDir.resolve("scores.hrec");
    for (int p = 0; p < probes.length; p++) {
      EncryptedProbe probe = searchClient.encryptProbe(probes[p], LayoutKind.HERS_COMPLEX);
      server.search(store, probe, ScoreForm.RELINEARIZED, scoresFile, ProgressListener.NONE);
      scores[p] = searchClient.allScores(scoresFile, ProgressListener.NONE);
      progress.progress("probes", p + 1, probes.length);
    }
    return scores;
  }
}
