package org.hersj.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hersj.experiments.bench.SearchBenchSection;
import org.hersj.fhe.io.AtomicFiles;
import org.hersj.experiments.report.PlotFiles;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.search.engine.SearchKeySet;
import org.hersj.fhe.search.engine.SearchEngine;
import org.hersj.fhe.search.engine.SearchEngines;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.experiments.bench.search.SearchBenchmark;
import org.hersj.experiments.bench.search.SearchBenchmarkConfig;
import org.hersj.experiments.bench.search.SearchBenchmarkResult;
import org.hersj.experiments.bench.search.ShardedSearchBenchmark;
import org.hersj.fhe.spark.SparkCluster;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.server.ScoreForm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hers bench search}: the encrypted search scaling benchmark with fresh secure keys, per engine;
 * writes CSV, a log-log plot with the extrapolation to 10^8 items and a Markdown section.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Measure encrypted search (probe and gallery encrypted) end to end for several gallery sizes,"
            + " decrypting as 'hers rank' does (noise-flooded unless --exact-scores);"
            + " writes OUT/" + SearchBenchSection.CSV + ", OUT/" + SearchBenchSection.PLOT + ".png/.svg and OUT/sections/"
            + SearchBenchSection.SECTION + "."})
final class BenchSearchCommand implements Callable<Integer> {

    @Option(names = "--backend", defaultValue = "java", paramLabel = "ENGINE",
            description = "java, openfhe or both (per-block times side by side; default: ${DEFAULT-VALUE}).")
    String backend;

    /** --precision is met for the galleries of --enrolled-by. */
    @Mixin
    PresetOptions presets;

    @Option(names = "--enrolled-by", defaultValue = "owner", paramLabel = "WHO",
            description = "Who encrypts the benchmark galleries: owner (the secret key, seeded records, as hers enroll"
                + " --keys KEYDIR/client) or public-key (an enroller, as hers enroll --keys KEYDIR/enroller; noisier,"
                + " twice the bytes); --precision is met for that gallery (default: ${DEFAULT-VALUE}). The Spark"
                + " galleries of --spark-master are always enrolled with the public key.")
    String enrolledBy;

    @Option(names = "--score-form", defaultValue = "degree-two", paramLabel = "FORM",
            description = "degree-two, relinearized or both (each measured in turn; default: ${DEFAULT-VALUE}).")
    String scoreForm;

    @Option(names = "--dims", defaultValue = "16", paramLabel = "D", description = "Feature dimension (default: 16).")
    int dims;

    @Option(names = "--sizes", defaultValue = "10000,100000,1000000", split = ",", paramLabel = "N,...",
            description = "Gallery sizes, ascending (default: ${DEFAULT-VALUE}).")
    List<Long> sizes;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "hers-complex or hers (default: hers-complex where the engine has complex slots, else hers).")
    String layout;

    @Mixin
    ThreadsOption threadsOption;

    @Option(names = "--reps", defaultValue = "2", paramLabel = "R",
            description = "Searches per size; the fastest is reported (default: 2).")
    int reps;

    @Option(names = "--check-accuracy-up-to", defaultValue = "100000", paramLabel = "N",
            description = "Compare every score with plaintext for galleries up to N items (default: ${DEFAULT-VALUE}).")
    long checkAccuracyUpTo;

    @Option(names = "--stream-from-disk",
            description = "Put the benchmark galleries under OUT/work on disk (default: the system temporary"
                + " directory; --direct-io implies it). Galleries are always streamed block by block from their store"
                + " file, never loaded whole.")
    boolean streamFromDisk;

    /** Cold-disk figures; implies --stream-from-disk (OUT/work on a file system with direct I/O). */
    @Mixin
    DirectIoOption directIo;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the synthetic gallery and probe (keys always use secure randomness).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "Also search sharded galleries of the same sizes on Spark (e.g. local[2]) beside one machine;"
                + " writes OUT/" + SPARK_CSV + " and OUT/sections/" + SPARK_SECTION + ".")
    String sparkMaster;

    @Option(names = "--shards", defaultValue = "8", paramLabel = "S",
            description = "Shards of the Spark galleries (default: ${DEFAULT-VALUE}).")
    int shards;

    static final String SPARK_CSV = "bench-search-spark.csv";
    static final String SPARK_SECTION = "bench-search-spark.md";

    @Mixin
    ExactScoresOption exactScores;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        int threads = threadsOption.value();
        List<SearchEngine> engines = "both".equalsIgnoreCase(backend.trim())
                ? List.of(SearchEngines.byName(SearchEngines.DEFAULT), SearchEngines.byName("openfhe")) : List.of(SearchEngines.byName(backend));
        Path work = streamFromDisk || directIo.direct ? out.resolve("work") : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(out.resolve("sections"));
        ProgressBar bar = ProgressBar.forTerminal(output.quiet);
        Map<String, SearchBenchmarkResult> results = new LinkedHashMap<>();
        String chosen = presets.choose(enrolledBy, !engines.stream().allMatch(SearchEngine::runsOnePrimeParameters),
                exactScores.floodingBits());
        boolean publicKeyGalleries = "public-key".equalsIgnoreCase(enrolledBy.trim());
        List<ScoreForm> forms = "both".equalsIgnoreCase(scoreForm.trim())
                ? List.of(ScoreForm.RELINEARIZED, ScoreForm.DEGREE_TWO) : List.of(ScoreForm.byName(scoreForm));
        for (SearchEngine engine : engines) {
          for (ScoreForm form : forms) {
            LayoutKind kind = RoleOptions.layout(layout, engine);
            if (!kind.dimensionMajor()) {
                throw new IllegalArgumentException("--layout must be hers-complex or hers for this benchmark; the "
                        + "Boddeti layout is measured by 'hers bench complexity'");
            }
            SearchBenchmarkConfig config = new SearchBenchmarkConfig(sizes, dims, threads, kind,
                    form, false, 10, reps, work, seed, checkAccuracyUpTo, directIo.readMode());
            SearchKeySet keys = engine.generateKeys(CkksPresets.byName(chosen).literal(), RandomSource.secure());
            SearchBenchmarkResult result = new SearchBenchmark(exactScores.decrypting(keys.client()), keys.server(),
                    publicKeyGalleries ? keys.enroller() : keys.client()).run(config, bar.asSearchListener());
            bar.finish("benchmark");
            String name = engine.name() + (forms.size() > 1 ? ":" + form.cliName() : "");
            results.put(name, result);
            output.out().printf(Locale.ROOT, "%s: %s, %s scores%n  block %.2f ms on one thread (java block product:"
                    + " %s); 10^8 items extrapolated: %.1f s (line), %.1f s (CPU-bound)%n", name, result.parameters(),
                    form.cliName(), result.blockSeconds() * 1e3, org.hersj.fhe.ckks.Evaluator.blockProductKernel(),
                    result.secondsAt100Million(), result.cpuBoundSecondsAt100Million());
          }
        }
        AtomicFiles.writeString(out.resolve(SearchBenchSection.CSV), SearchBenchSection.csv(results));
        PlotFiles.save(SearchBenchSection.plot(results), out, SearchBenchSection.PLOT, true);
        AtomicFiles.writeString(out.resolve("sections").resolve(SearchBenchSection.SECTION),
                SearchBenchSection.markdown(results, chosen));
        if (results.size() > 1) {
            output.out().print(SearchBenchSection.blockTable(results));
            output.out().flush();
        }
        if (sparkMaster != null) {
            benchSpark(engines.get(0), chosen, forms.get(0), work, threads, bar);
        }
        output.out().println("wrote " + out.resolve(SearchBenchSection.CSV) + ", " + SearchBenchSection.PLOT
                + ".png/.svg and sections/" + SearchBenchSection.SECTION);
        return 0;
    }

    /** The single-machine search beside Spark, on fresh keys of {@code engine}. */
    private void benchSpark(SearchEngine engine, String chosen, ScoreForm form, Path work, int threads, ProgressBar bar)
            throws java.io.IOException {
        SearchKeySet keys = engine.generateKeys(CkksPresets.byName(chosen).literal(), RandomSource.secure());
        try (SparkCluster spark = SparkCluster.open(sparkMaster, "hers bench search")) {
            List<ShardedSearchBenchmark.Row> rows = new ShardedSearchBenchmark(engine, keys, form, spark).run(sizes, dims,
                    shards, threads, reps, seed, work, bar.asSearchListener());
            bar.finish("spark benchmark");
            AtomicFiles.writeString(out.resolve(SPARK_CSV), ShardedSearchBenchmark.csv(rows));
            String table = ShardedSearchBenchmark.markdown(rows, spark.master(), chosen + ", " + form.cliName(), dims);
            AtomicFiles.writeString(out.resolve("sections").resolve(SPARK_SECTION), table);
            output.out().print(table);
            output.out().flush();
        }
    }
}
