package org.hersj.experiments.encrypted;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.hersj.experiments.config.TwoStageConfig;
import org.hersj.experiments.progress.Progress;
import org.hersj.experiments.search.SearchContext;
import org.hersj.experiments.search.SearchInput;
import org.hersj.experiments.search.SearchResult;
import org.hersj.experiments.search.SearchTimings;
import org.hersj.experiments.search.Searcher;
import org.hersj.experiments.search.SearcherProvider;
import org.hersj.experiments.search.TwoStageDetails;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.client.Match;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.RowSource;
import org.hersj.fhe.search.twostage.TwoStageGallery;
import org.hersj.fhe.search.twostage.TwoStageResult;
import org.hersj.fhe.search.twostage.TwoStageSearch;

/**
 * The {@code two-stage} search mode, on the {@code fhe} module's two-stage search
 * ({@link TwoStageSearch}): the key owner enrols the reduced gallery (HERS layout, complex slots where the
 * engine has them; stage 1) and the
 * original full-dimension gallery (packed-items layout, stage 2) under one key set with stage 2's
 * rotation keys; per probe, stage 1 scans the reduced gallery, the client keeps the top K, stage 2
 * re-scores those K with the full features and the final ranking follows the stage-2 scores. For the
 * report it also runs the single-stage full-dimension {@code encrypted} search of the original features
 * (through {@link EncryptedSearcher}, sharing its cached gallery). Keys and both galleries are kept in the
 * stage cache like {@link EncryptedSearcher}'s.
 */
public final class TwoStageSearcher implements Searcher {

    private final SearchContext context;

    private TwoStageSearcher(SearchContext context) {
        this.context = context;
    }

    /** @return the provider of the {@code two-stage} mode */
    public static SearcherProvider provider() {
        return TwoStageSearcher::new;
    }

    @Override
    public String mode() {
        return TwoStageConfig.MODE;
    }

    /**
     * @param input    the reduced gallery and probes (stage 1) and the same items' original features (stage 2)
     * @param topK     results kept per probe (the final ranking has at most K items)
     * @param progress receives progress
     * @return the final ranking by stage-2 scores, with {@link SearchResult#twoStage()} filled in
     * @throws IllegalStateException if the context lacks the two-stage settings
     */
    @Override
    public SearchResult search(SearchInput input, int topK, Progress progress) {
        TwoStageConfig settings = context.twoStage();
        if (settings == null) {
            throw new IllegalStateException("search mode " + TwoStageConfig.MODE + " needs the config's twoStage block");
        }
        try {
            return run(input, Math.min(settings.k(), input.gallery().length), topK, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("two-stage search failed: " + e.getMessage(), e);
        }
    }

    /** {@inheritDoc} Two-stage search ranks by stage-2 scores of the original features. */
    @Override
    public boolean rankedAtOriginalDimension() {
        return true;
    }

    private SearchResult run(SearchInput input, int k, int topK, Progress progress) throws IOException {
        int threads = context.fhe().threadCount();
        float[][] gallery = input.gallery();
        float[][] probes = input.probes();
        float[][] fullGallery = input.originalGallery();
        int fullDimension = fullGallery[0].length;
        EncryptedGalleryCache.Ready ready = EncryptedGalleryCache.getOrBuild(context, "hers-two-stage-v2",
                new float[][][] {gallery, fullGallery}, TwoStageSearch.rotationSteps(fullDimension),
                (keys, dir) -> TwoStageGallery.enroll(new GalleryEnroller(keys.client(), threads, 64),
                        RowSource.of(gallery), RowSource.of(fullGallery), dir.resolve("stage1"), dir.resolve("stage2"),
                        EncryptedSearcher.listener(progress, "enroll " + mode())));
        progress.finish("enroll " + mode());
        TwoStageGallery stores = new TwoStageGallery(ready.dir().resolve("stage1"), ready.dir().resolve("stage2"));
        TwoStageSearch twoStage = new TwoStageSearch(ready.client(), ready.server(), threads);
        int kept = Math.min(topK, k);
        int[][] indices = new int[probes.length][];
        float[][] scores = new float[probes.length][];
        int[][] shortlists = new int[probes.length][];
        long stage1 = 0;
        long stage2 = 0;
        try (ScratchDirectory work = new ScratchDirectory()) {
            for (int p = 0; p < probes.length; p++) {
                TwoStageResult r = twoStage.search(stores, probes[p], input.originalProbes()[p], k, work.path(),
                        ProgressListener.NONE);
                List<Match> ranking = r.ranking().subList(0, Math.min(kept, r.ranking().size()));
                indices[p] = ranking.stream().mapToInt(m -> Math.toIntExact(m.item())).toArray();
                scores[p] = new float[ranking.size()];
                for (int i = 0; i < ranking.size(); i++) {
                    scores[p][i] = (float) ranking.get(i).score();
                }
                shortlists[p] = r.stage1().stream().mapToInt(m -> Math.toIntExact(m.item())).toArray();
                stage1 += Math.round(r.stage1Seconds() * 1e9);
                stage2 += Math.round(r.stage2Seconds() * 1e9);
                progress.update("search " + mode(), p + 1, probes.length);
            }
        }
        progress.finish("search " + mode());
        SearchResult full = EncryptedSearcher.provider(EncryptedSearcher.ENCRYPTED).create(context)
                .search(input.original(), 1, progress);
        SearchTimings timings = new SearchTimings(ready.keygenNanos() / 1e6, ready.enrolNanos() / 1e6, 0,
                (stage1 + stage2) / 1e6, 0, 0, ready.reused());
        return new SearchResult(indices, scores, ready.keygenNanos() + ready.enrolNanos(), stage1 + stage2, timings,
                new TwoStageDetails(k, fullDimension, shortlists, stage1, stage2, full));
    }
}
