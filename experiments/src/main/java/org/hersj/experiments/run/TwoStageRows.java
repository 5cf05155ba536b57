package org.hersj.experiments.run;

import org.hersj.experiments.metrics.RankMetrics;
import org.hersj.experiments.protocol.IdentificationSplit;
import org.hersj.experiments.report.TwoStageRow;
import org.hersj.experiments.search.SearchResult;
import org.hersj.experiments.search.TwoStageDetails;

/**
 * Measures the {@link TwoStageRow} of a two-stage search from its result and the split's labels: rank-1
 * of the final ranking, of stage 1's shortlists (single-stage reduced search) and of the single-stage
 * full-dimension baseline, stage 1's recall@K, and the top-1 agreement with the full-dimension search.
 */
final class TwoStageRows {

    private TwoStageRows() {
    }

    /**
     * @param dataset   dataset name
     * @param method    the reduction entry's label
     * @param dimension stage 1's dimension
     * @param split     gallery and probes, for their labels
     * @param result    a two-stage search's result ({@link SearchResult#twoStage()} not null)
     * @return its row
     */
    static TwoStageRow measure(String dataset, String method, int dimension, IdentificationSplit split,
                              SearchResult result) {
        TwoStageDetails details = result.twoStage();
        SearchResult full = details.fullDimension();
        int probes = result.probeCount();
        int inShortlist = 0;
        int reducedHits = 0;
        int sameTop1 = 0;
        for (int p = 0; p < probes; p++) {
            int rank = RankMetrics.mateRank(details.stage1Indices()[p], split.galleryLabels(), split.probeLabels()[p]);
            inShortlist += rank >= 1 ? 1 : 0;
            reducedHits += rank == 1 ? 1 : 0;
            sameTop1 += result.indices()[p][0] == full.indices()[p][0] ? 1 : 0;
        }
        return new TwoStageRow(dataset, method, dimension, details.stage2Dimension(), details.k(),
                split.gallery().length, probes, rank1(full, split), (double) reducedHits / probes, rank1(result, split),
                (double) inShortlist / probes, (double) sameTop1 / probes, full.searchNanos() / 1e6,
                details.stage1Nanos() / 1e6, details.stage2Nanos() / 1e6);
    }

    private static double rank1(SearchResult result, IdentificationSplit split) {
        return RankMetrics.cmc(result.indices(), split.galleryLabels(), split.probeLabels(), 1).rank1();
    }
}
