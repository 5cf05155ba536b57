package org.hersj.experiments.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.search.engine.SearchKeySet;
import org.hersj.fhe.search.engine.SearchEngine;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.baseline.Boddeti2018Search;
import org.hersj.experiments.bench.search.SearchBenchmark;
import org.hersj.experiments.bench.search.SearchBenchmarkConfig;
import org.hersj.experiments.bench.search.SearchBenchmarkRow;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.layout.OperationCounts;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.store.ReadMode;

/**
 * Measures the prior one-vector-per-ciphertext layout (Boddeti 2018) and the HERS SIMD layout on the same
 * keys, per dimension and gallery size, with the operations counted by the search layer and compared with
 * each layout's formula.
 *
 * @param baselineSizes gallery sizes for the prior layout (one ciphertext per item: keep them small)
 * @param hersSizes     gallery sizes for the HERS layout
 * @param threads       threads
 * @param workDir       where galleries are written (deleted after each size)
 * @param seed          seed of the synthetic gallery and probe
 */
public record ComplexityStudy(List<Long> baselineSizes, List<Long> hersSizes, int threads, Path workDir, long seed) {

    /** Validates and copies. */
    public ComplexityStudy {
        baselineSizes = List.copyOf(baselineSizes);
        hersSizes = List.copyOf(hersSizes);
        if (threads < 1 || workDir == null) {
            throw new IllegalArgumentException("threads must be at least 1 and a work directory is required");
        }
    }

    /**
     * Runs the prior layout and HERS (the paper's one item per slot, and two per complex slot where the
     * engine has complex slots) at {@code dimension} with fresh secure keys of {@code engine}.
     *
     * @return the prior layout's rows, then the HERS rows of each HERS layout
     */
    public List<ComplexityRow> run(SearchEngine engine, CkksParameters params, int dimension, ProgressListener progress)
            throws IOException {
        SearchKeySet keys = engine.generateKeys(params.literal(), RandomSource.secure(),
                Boddeti2018Search.rotationSteps(dimension));
        SearchBenchmark bench = new SearchBenchmark(keys.client().withoutNoiseFlooding(), keys.server());
        int slots = keys.server().slots();
        List<ComplexityRow> rows = new ArrayList<>();
        // the prior layout, the paper's HERS layout, and two items per complex slot where the engine has them
        List<LayoutKind> layouts = List.of(LayoutKind.BODDETI_2018, LayoutKind.hers(false),
                LayoutKind.hers(keys.server().packsTwoValuesPerSlot())).stream().distinct().toList();
        for (LayoutKind kind : layouts) {
            List<Long> sizes = kind.dimensionMajor() ? hersSizes : baselineSizes;
            SearchBenchmarkConfig config = new SearchBenchmarkConfig(sizes, dimension, threads, kind,
                    ScoreForm.RELINEARIZED, false, 10, 1, workDir, seed, Long.MAX_VALUE, ReadMode.CACHED);
            for (SearchBenchmarkRow r : bench.run(config, progress).rows()) {
                OperationCounts predicted = OperationCounts.predicted(new GalleryLayout(kind, r.items(), dimension, slots));
                rows.add(new ComplexityRow(label(kind), dimension, r.items(), r.operations(), predicted,
                        r.searchSeconds(), r.cpuSeconds(), r.totalSeconds(), r.maxAbsError(), r.threads(),
                        r.blockScoreSeconds()));
            }
        }
        return rows;
    }

    /** Operations the layout's formula predicts for a search of {@code items} items. */
    public static OperationCounts predictedAt(String layout, long items, int dimension, int slots) {
        return OperationCounts.predicted(layoutAt(layout, items, dimension, slots));
    }

    /** The gallery layout of {@code items} items for a layout label of the study. */
    public static GalleryLayout layoutAt(String layout, long items, int dimension, int slots) {
        return new GalleryLayout(LayoutKind.byName(layout), items, dimension, slots);
    }

    /** Short label of a layout in the study's tables. */
    public static String label(LayoutKind kind) {
        return kind.reportName();
    }
}
