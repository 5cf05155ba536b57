package org.hersj.fhe.openfhe.jni;

import java.io.IOException;
import java.nio.file.Path;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.client.SearchClient;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.RowSource;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.server.EncryptedSearchServer;
import org.hersj.fhe.search.server.PlaintextProbeSearchWeakerThreatModel;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.store.EncryptedProbe;
import org.hersj.fhe.search.testing.Backends;

/**
 * One engine's side of a cross-check: enrolls a gallery into its own store under {@code dir}, then
 * searches probes through the search layer's roles (probe file, server scoring, client decryption),
 * exactly as the CLI runs them, on {@value #THREADS} threads (OpenFHE is called from several Java
 * threads at once, as in production).
 */
final class EncryptedSearchRun {
    /** Worker threads of enrollment, scoring and decryption. */
    static final int THREADS = 2;

    private final Backends backends;
    private final Path dir;
    private final Path gallery;

    private EncryptedSearchRun(Backends backends, Path dir) {
        this.backends = backends;
        this.dir = dir;
        this.gallery = dir.resolve("gallery");
    }

    /** Enrolls {@code rows} (unit vectors) with the HERS layout. */
    static EncryptedSearchRun enroll(Backends backends, float[][] rows, Path dir) throws IOException {
        EncryptedSearchRun run = new EncryptedSearchRun(backends, dir);
        new GalleryEnroller(backends.client(), THREADS, 8).enroll(RowSource.of(rows), LayoutKind.HERS_SIMD,
                run.gallery, ProgressListener.NONE);
        return run;
    }

    /** Searches one probe and returns the file of encrypted scores the server wrote. */
    Path search(float[] probe, ScoreForm form, String name) throws IOException {
        Path probeFile = dir.resolve(name + "-probe.hrec");
        client().encryptProbe(probe, LayoutKind.HERS_SIMD).write(probeFile, backends.client());
        Path scores = dir.resolve(name + "-scores.hrec");
        new EncryptedSearchServer(backends.server(), THREADS).search(gallery,
                EncryptedProbe.read(probeFile, backends.server()), form, scores, ProgressListener.NONE);
        return scores;
    }

    /** Searches one probe in the clear on the server (weaker threat model) and returns the score file. */
    Path searchPlaintextProbe(float[] probe, String name) throws IOException {
        Path scores = dir.resolve(name + "-scores.hrec");
        new PlaintextProbeSearchWeakerThreatModel(backends.server(), THREADS).search(gallery, probe, scores,
                ProgressListener.NONE);
        return scores;
    }

    /** Decrypts every score of a score file made by this engine. */
    double[] scores(Path scoresFile) throws IOException {
        return client().allScores(scoresFile, ProgressListener.NONE);
    }

    /** The key owner's search client of this engine. */
    SearchClient client() {
        return new SearchClient(backends.client(), THREADS);
    }
}
