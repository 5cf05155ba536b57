package org.hersj.fhe.search.commands;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.twostage.TwoStageBenchmarkConfig;
import org.hersj.fhe.search.twostage.TwoStageBenchmarkResult;
import org.hersj.fhe.search.twostage.Stage2Form;
import org.hersj.fhe.search.twostage.TwoStageBenchmarkRow;

/**
 * Command-line entry point of the two-stage benchmark until {@code hers bench two-stage} is wired:
 * {@code java -cp fhe/target/classes org.hersj.fhe.search.commands.TwoStageBenchmarkRunner
 * --preset SEARCH_N8192 --reduced-dim 16 --full-dim 192 --sizes 10000,30000,100000 --k 256
 * --target-k 10000 --full-up-to 100000 --threads 2 --csv out.csv [--work DIR]}.
 * Prints the rows as CSV and the extrapolation to 10^8 items.
 */
public final class TwoStageBenchmarkRunner {

  private TwoStageBenchmarkRunner() {
  }

  /** Runs the benchmark described by {@code args}. */
  public static void main(String[] args) throws IOException {
    Map<String, String> opts = SearchBenchmarkRunner.parse(args);
    List<Long> sizes = new ArrayList<>();
    for (String s : opts.getOrDefault("sizes", "10000,30000").split(",")) {
      sizes.add(Long.parseLong(s.trim()));
    }
    int targetK = Integer.parseInt(opts.getOrDefault("target-k", "10000"));
    TwoStageBenchmarkConfig config = new TwoStageBenchmarkConfig(sizes,
        Integer.parseInt(opts.getOrDefault("reduced-dim", "16")), Integer.parseInt(opts.getOrDefault("full-dim", "192")),
        Integer.parseInt(opts.getOrDefault("k", "256")), targetK, Integer.parseInt(opts.getOrDefault("threads", "2")),
        Long.parseLong(opts.getOrDefault("full-up-to", "100000")),
        Path.of(opts.getOrDefault("work", System.getProperty("java.io.tmpdir"))), 20_231_123L);
    PrintStream err = System.err;
    ProgressListener progress = (stage, done, total) -> {
      if (stage.equals("benchmark")) {
        err.printf(Locale.ROOT, "two-stage benchmark: %d/%d sizes done%n", done, total);
      }
    };
    TwoStageBenchmarkResult result = TwoStageCommands.benchmark(
        CkksPresets.byName(opts.getOrDefault("preset", "SEARCH_N8192")), config, progress);
    StringBuilder csv = new StringBuilder(TwoStageBenchmarkRow.CSV_HEADER).append('\n');
    result.rows().forEach(r -> csv.append(r.toCsv()).append('\n'));
    if (opts.containsKey("csv")) {
      Files.writeString(Path.of(opts.get("csv")), csv, StandardCharsets.UTF_8);
    }
    PrintStream out = System.out;
    out.print(csv);
    out.printf(Locale.ROOT, "parameters: %s%n", result.parameters());
    out.printf(Locale.ROOT, "stage 2: %.2f ms CPU per candidate group of up to %d (server sums), %.2f ms (client"
        + " sums); full-dim HERS block: %.1f ms CPU%n", result.stage2CpuPerGroup() * 1e3,
        result.packedItemsPerRecord(), result.stage2ClientSumsCpuPerGroup() * 1e3, result.fullBlockCpuSeconds() * 1e3);
    for (double n : new double[] {1e6, 1e7, 1e8}) {
      out.printf(Locale.ROOT, "n=%.0e K=%d: full %.1f s, reduced %.1f s, two-stage %.1f s (stage 2 %.1f s in"
          + " ~%.0f groups; at most %.1f s by CPU per candidate; HERS-restricted stage 2 would be %.1f s):"
          + " speed-up %.1fx; client sums: two-stage %.1f s, speed-up %.1fx (CPU seconds)%n", n, targetK,
          result.fullCpuAt(n), result.reducedFit().secondsAt(n), result.twoStageCpuAt(n, targetK),
          result.twoStageCpuAt(n, targetK) - result.reducedFit().secondsAt(n),
          TwoStageBenchmarkResult.expectedGroups(n, targetK, result.packedItemsPerRecord()),
          result.twoStageCpuUpperBoundAt(n, targetK) - result.reducedFit().secondsAt(n),
          result.hersRestrictedStage2CpuAt(n, targetK), result.speedUpAt(n, targetK, Stage2Form.SERVER_SUMS),
          result.twoStageCpuAt(n, targetK, Stage2Form.CLIENT_SUMS),
          result.speedUpAt(n, targetK, Stage2Form.CLIENT_SUMS));
    }
  }
}
