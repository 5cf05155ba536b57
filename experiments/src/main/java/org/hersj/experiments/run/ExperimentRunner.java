package org.hersj.experiments.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hersj.experiments.config.ConfigLoader;
import org.hersj.experiments.data.UnitNormalizer;
import org.hersj.fhe.io.AtomicFiles;
import org.hersj.experiments.metrics.CmcCurve;
import org.hersj.experiments.metrics.PlaintextAgreement;
import org.hersj.experiments.metrics.RankMetrics;
import org.hersj.experiments.progress.Progress;
import org.hersj.experiments.protocol.IdentificationSplit;
import org.hersj.experiments.reduce.ReductionRequest;
import org.hersj.experiments.reduce.ReductionStage;
import org.hersj.experiments.search.SearchContext;
import org.hersj.experiments.search.SearchInput;
import org.hersj.reduction.core.Reducer;
import org.hersj.experiments.report.CmcPoint;
import org.hersj.experiments.report.ReportBuilder;
import org.hersj.experiments.report.ResultRow;
import org.hersj.experiments.report.ResultsCsv;
import org.hersj.experiments.report.TwoStageReport;
import org.hersj.experiments.report.TwoStageRow;
import org.hersj.experiments.search.PlaintextSearcher;
import org.hersj.experiments.search.SearchResult;
import org.hersj.experiments.search.Searcher;

/**
 * Runs an experiment config end to end: checks everything first ({@link RunPreparer}), then for every
 * reduction method and dimension reduces gallery and probes, runs every search mode, measures rank-1 and
 * CMC, and writes the run directory (resolved config, provenance, CSVs, Markdown report, plots). The run
 * directory appears only when all of it is written; a failure or an interrupt (Ctrl-C) removes the partial
 * one.
 */
public final class ExperimentRunner {

    private final StageRegistry registry;
    private final Progress progress;

    /**
     * @param registry reduction methods and search modes available to configs
     * @param progress receives progress of long steps
     */
    public ExperimentRunner(StageRegistry registry, Progress progress) {
        this.registry = registry;
        this.progress = progress;
    }

    /**
     * @param configFile an experiment config
     * @param options    where to write
     * @return the run directory and results
     * @throws org.hersj.experiments.config.ConfigException      for a bad config, before any work
     * @throws org.hersj.experiments.data.DataFormatException    for a bad data file, before any work
     * @throws IOException if results cannot be written (the partial run directory is removed)
     */
    public RunOutcome run(Path configFile, RunOptions options) throws IOException {
        Instant start = Instant.now();
        PreparedRun run = RunPreparer.prepare(configFile, options, registry, progress);
        RunDirectory dir = RunDirectory.create(run.target());
        Thread cleanupOnInterrupt = new Thread(dir::discard, "hers-run-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupOnInterrupt);
        try {
            List<ResultRow> rows = new ArrayList<>();
            List<CmcPoint> cmc = new ArrayList<>();
            List<TwoStageRow> twoStage = new ArrayList<>();
            Path work = dir.workDir();
            StageLog stages = new StageLog();
            for (PreparedRun.SweepPoint point : run.sweep()) {
                runPoint(run, point, new Collected(rows, cmc, twoStage), stages, work);
            }
            stages.write(work.resolve(StageLog.FILE));
            AtomicFiles.writeString(work.resolve(ReportBuilder.CONFIG), "# resolved from " + configFile.toAbsolutePath()
                    + "\n" + ConfigLoader.toYaml(run.config()));
            ResultsCsv.write(ResultsCsv.resultsTable(rows), work.resolve(ResultsCsv.RESULTS));
            ResultsCsv.write(ResultsCsv.cmcTable(cmc), work.resolve(ResultsCsv.CMC));
            if (!twoStage.isEmpty()) {
                ResultsCsv.write(TwoStageReport.table(twoStage), work.resolve(TwoStageReport.CSV));
            }
            writeProvenance(run, options, start, work);
            ReportBuilder.build(work);
            return new RunOutcome(dir.commit(), List.copyOf(rows), List.copyOf(twoStage));
        } catch (IOException | RuntimeException | Error e) {
            dir.discard();
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanupOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting (e.g. Ctrl-C); the hook removes the partial directory
            }
        }
    }

    /** The rows a run collects. */
    private record Collected(List<ResultRow> rows, List<CmcPoint> cmc, List<TwoStageRow> twoStage) {
    }

    private void runPoint(PreparedRun run, PreparedRun.SweepPoint point, Collected out, StageLog stages, Path work)
            throws IOException {
        IdentificationSplit split = run.split();
        String label = point.entry().label();
        long t0 = System.nanoTime();
        ReductionStage stage = registry.reducer(point.entry().method()).create(new ReductionRequest(point.entry(),
                run.dataset().dimension(), point.dimension(), run.train(), point.seed(), run.cacheRoot(), progress));
        progress.finish("train " + label);
        Reducer reducer = stage.reducer();
        float[][] gallery = reduced(reducer, split.gallery(), "gallery");
        float[][] probes = reduced(reducer, split.probes(), "probes");
        double reduceMs = (System.nanoTime() - t0) / 1e6;
        if (stage.modelDir() != null) {
            stages.add("model", label, point.dimension(), "", stage.modelDir(), stage.reused());
            TrainingCurves.copy(stage.modelDir(), work, label);
        }
        int maxRank = Math.min(run.config().metrics().cmcMaxRank(), gallery.length);
        SearchContext context = new SearchContext(run.seeds().get("search"), run.cacheRoot(), run.config().fhe(),
                run.config().twoStage());
        SearchInput input = new SearchInput(gallery, probes, split.gallery(), split.probes());
        SearchResult reference = null;
        String dataset = run.dataset().name();
        for (String mode : run.config().searchModes(point.entry(), point.dimension())) {
            Searcher searcher = registry.searcher(mode).create(context);
            SearchResult result = repeated(searcher, input, maxRank, run.config().repeats());
            PlaintextAgreement agreement;
            if (mode.equals(PlaintextSearcher.MODE)) {
                reference = result;
                agreement = PlaintextAgreement.EXACT;
            } else {
                SearchResult judge;
                if (searcher.rankedAtOriginalDimension()) {
                    judge = registry.searcher(PlaintextSearcher.MODE).create(context)
                            .search(input.original(), maxRank, Progress.NONE);
                } else {
                    if (reference == null) {
                        reference = registry.searcher(PlaintextSearcher.MODE).create(context)
                                .search(input, maxRank, Progress.NONE);
                    }
                    judge = reference;
                }
                agreement = PlaintextAgreement.compare(judge.indices(), judge.scores(), result.indices(), result.scores());
            }
            if (result.twoStage() != null) {
                out.twoStage().add(TwoStageRows.measure(dataset, label, point.dimension(), split, result));
            }
            if (!mode.equals(PlaintextSearcher.MODE)) {
                stages.add("gallery", label, point.dimension(), mode, null, result.timings().galleryReused());
            }
            CmcCurve curve = RankMetrics.cmc(result.indices(), split.galleryLabels(), split.probeLabels(), maxRank);
            out.rows().add(new ResultRow(dataset, label, point.dimension(), mode, split.identities(),
                    split.distractors(), probes.length, curve.rank1(), reduceMs, result.enrolNanos() / 1e6,
                    result.searchNanos() / 1e6, agreement.top1Agreement(), agreement.maxTop1ScoreError(),
                    result.timings()));
            for (int r = 1; r <= curve.maxRank(); r++) {
                out.cmc().add(new CmcPoint(dataset, label, point.dimension(), mode, r, curve.rate(r)));
            }
        }
    }

    /** Runs a search {@code repeats} times; the ranking must not change; timings are the median run's. */
    private SearchResult repeated(Searcher searcher, SearchInput input, int maxRank, int repeats) {
        List<SearchResult> results = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            SearchResult r = searcher.search(input, maxRank, progress);
            if (!results.isEmpty() && !java.util.Arrays.deepEquals(results.get(0).indices(), r.indices())) {
                throw new IllegalStateException("search " + searcher.mode() + " ranked differently in repeat " + (i + 1)
                        + " than in repeat 1");
            }
            results.add(r);
        }
        results.sort(java.util.Comparator.comparingLong(SearchResult::searchNanos));
        return results.get(results.size() / 2);
    }

    private static float[][] reduced(Reducer reducer, float[][] vectors, String what) {
        float[][] out = reducer.reduce(vectors);
        if (out.length != vectors.length) {
            throw new IllegalStateException("reduction " + reducer.method() + " returned " + out.length + " rows for "
                    + vectors.length + " " + what);
        }
        try {
            UnitNormalizer.normalizeRows(out);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("reduction " + reducer.method() + " to " + reducer.outputDimension()
                    + " dimensions produced an unusable " + what + " vector: " + e.getMessage(), e);
        }
        return out;
    }

    private static void writeProvenance(PreparedRun run, RunOptions options, Instant start, Path work) throws IOException {
        List<Provenance.InputFile> inputs = new ArrayList<>();
        inputs.add(ProvenanceCollector.inputFile("config", run.configFile()));
        if (!run.config().dataset().usesSyntheticData()) {
            inputs.add(ProvenanceCollector.inputFile("features", Path.of(run.config().dataset().features())));
            inputs.add(ProvenanceCollector.inputFile("labels", Path.of(run.config().dataset().labels())));
        }
        String home = System.getProperty("hers.home");
        Path codeDir = home != null ? Path.of(home) : run.configFile().toAbsolutePath().getParent();
        Provenance provenance = new Provenance(run.config().name(), run.runId(), ProvenanceCollector.hersVersion(),
                options.command(), ProvenanceCollector.git(codeDir), start.toString(), Instant.now().toString(),
                run.seeds(), inputs, ProvenanceCollector.environment());
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.writeString(work.resolve(ReportBuilder.PROVENANCE), json.writeValueAsString(provenance) + "\n");
    }
}
