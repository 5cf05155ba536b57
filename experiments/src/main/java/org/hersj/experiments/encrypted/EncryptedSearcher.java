package org.hersj.experiments.encrypted;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.hersj.experiments.progress.Progress;
import org.hersj.experiments.search.SearchContext;
import org.hersj.experiments.search.SearchInput;
import org.hersj.experiments.search.SearchResult;
import org.hersj.experiments.search.SearchTimings;
import org.hersj.experiments.search.Searcher;
import org.hersj.experiments.search.SearcherProvider;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.client.SearchClient;
import org.hersj.fhe.search.client.TopK;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.RowSource;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.service.SearchServer;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.store.EncryptedProbe;

/**
 * The {@code encrypted} and {@code plaintext-probe} search modes: the {@code fhe} module's HERS search
 * run in-process with the same roles and files as the CLI. The key owner generates keys (SecureRandom)
 * and enrolls the gallery (HERS SIMD layout); per probe the client encrypts it (or, in the WEAKER THREAT
 * MODEL {@code plaintext-probe}, sends it in the clear), the server scores it into an encrypted scores
 * file with evaluation keys only, and the client decrypts and ranks. Keys and encrypted gallery are kept
 * in the stage cache under the hash of the gallery and the FHE settings and reused by later runs (the
 * key directory there holds the secret key, owner-readable only, as {@code hers keygen} writes it).
 */
public final class EncryptedSearcher implements Searcher {

    /** Mode name of search with encrypted probes. */
    public static final String ENCRYPTED = "encrypted";
    /** Mode name of search with plaintext probes against the encrypted gallery. */
    public static final String PLAINTEXT_PROBE = "plaintext-probe";

    private final String mode;
    private final SearchContext context;

    private EncryptedSearcher(String mode, SearchContext context) {
        this.mode = mode;
        this.context = context;
    }

    /**
     * @param mode {@link #ENCRYPTED} or {@link #PLAINTEXT_PROBE}
     * @return its provider
     */
    public static SearcherProvider provider(String mode) {
        if (!mode.equals(ENCRYPTED) && !mode.equals(PLAINTEXT_PROBE)) {
            throw new IllegalArgumentException("unknown encrypted search mode " + mode);
        }
        return context -> new EncryptedSearcher(mode, context);
    }

    @Override
    public String mode() {
        return mode;
    }

    @Override
    public SearchResult search(SearchInput input, int topK, Progress progress) {
        float[][] gallery = input.gallery();
        float[][] probes = input.probes();
        try {
            return run(gallery, probes, topK, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("encrypted search failed: " + e.getMessage(), e);
        }
    }

    private SearchResult run(float[][] gallery, float[][] probes, int topK, Progress progress) throws IOException {
        int threads = context.fhe().threadCount();
        LayoutKind layout = context.fhe().layoutKind();
        String stage = layout.cliName() + "-gallery-v1"; // hers-gallery-v1, hers-complex-gallery-v1
        EncryptedGalleryCache.Ready ready = EncryptedGalleryCache.getOrBuild(context, stage,
                new float[][][] {gallery}, new int[0], (keys, dir) -> new GalleryEnroller(keys.client(), threads, 64)
                        .enroll(RowSource.of(gallery), layout, dir.resolve("gallery"),
                                listener(progress, "enroll " + mode)));
        progress.finish("enroll " + mode);
        Path galleryDir = ready.dir().resolve("gallery");
        ClientBackend client = ready.client();
        ServerBackend server = ready.server();
        SearchClient searchClient = new SearchClient(client, threads);
        SearchServer searchServer = new SearchServer(server, threads);
        ScoreForm form = context.fhe().scoreFormOrNull() != null ? context.fhe().scoreFormOrNull()
                : ScoreForm.defaultFor(server);

        int k = Math.min(topK, gallery.length);
        int[][] indices = new int[probes.length][];
        float[][] scores = new float[probes.length][];
        long encrypt = 0;
        long scoring = 0;
        long decrypt = 0;
        long rank = 0;
        try (ScratchDirectory work = new ScratchDirectory()) {
            Path scoresFile = work.path().resolve("scores.hrec");
            for (int p = 0; p < probes.length; p++) {
                long t0 = System.nanoTime();
                EncryptedProbe probe = mode.equals(ENCRYPTED) ? searchClient.encryptProbe(probes[p], layout)
                        .handOver(work.path().resolve("probe.hrec"), client, server) : null;
                long t1 = System.nanoTime();
                if (probe != null) {
                    searchServer.search(galleryDir, probe, form, scoresFile, ProgressListener.NONE);
                } else {
                    searchServer.searchClearProbeWeakerThreatModel(galleryDir, probes[p], scoresFile,
                            ProgressListener.NONE);
                }
                long t2 = System.nanoTime();
                double[] all = searchClient.allScores(scoresFile, ProgressListener.NONE);
                long t3 = System.nanoTime();
                TopK best = new TopK(k);
                for (int g = 0; g < gallery.length; g++) {
                    best.offer(g, (float) all[g]);
                }
                indices[p] = best.sortedItems();
                scores[p] = best.sortedScores();
                long t4 = System.nanoTime();
                encrypt += t1 - t0;
                scoring += t2 - t1;
                decrypt += t3 - t2;
                rank += t4 - t3;
                progress.update("search " + mode, p + 1, probes.length);
            }
        }
        progress.finish("search " + mode);
        SearchTimings timings = new SearchTimings(ready.keygenNanos() / 1e6, ready.enrolNanos() / 1e6, encrypt / 1e6,
                scoring / 1e6, decrypt / 1e6, rank / 1e6, ready.reused());
        return new SearchResult(indices, scores, ready.keygenNanos() + ready.enrolNanos(), encrypt + scoring + decrypt + rank,
                timings);
    }

    static ProgressListener listener(Progress progress, String task) {
        return (stage, done, total) -> progress.update(task, done, Math.max(total, 1));
    }
}
