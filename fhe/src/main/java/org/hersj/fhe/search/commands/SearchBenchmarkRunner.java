package org.hersj.fhe.search.commands;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.benchmark.SearchBenchmarkConfig;
import org.hersj.fhe.search.benchmark.SearchBenchmarkResult;
import org.hersj.fhe.search.benchmark.SearchBenchmarkRow;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.server.ScoreForm;

/**
 * Command-line entry point of the search benchmark until {@code hers bench search} is wired:
 * {@code java -cp fhe/target/classes org.hersj.fhe.search.commands.SearchBenchmarkRunner
 * --preset SEARCH_N8192 --dim 16 --sizes 10000,100000,1000000 --threads 2 --csv out.csv}.
 * Options: {@code --layout hers-complex|hers|boddeti} (default hers-complex), {@code --form relinearized|degree2}, {@code --plaintext-probe},
 * {@code --reps N}, {@code --work DIR} (default: system temp), {@code --check-accuracy-up-to N}.
 * Writes the rows as CSV and prints a summary with the extrapolation to 10^8 items.
 */
public final class SearchBenchmarkRunner {

  private SearchBenchmarkRunner() {
  }

  /** Runs the benchmark described by {@code args}. */
  public static void main(String[] args) throws IOException {
    Map<String, String> opts = parse(args);
    List<Long> sizes = new ArrayList<>();
    for (String s : opts.getOrDefault("sizes", "10000,100000").split(",")) {
      sizes.add(Long.parseLong(s.trim()));
    }
    SearchBenchmarkConfig config = new SearchBenchmarkConfig(sizes, Integer.parseInt(opts.getOrDefault("dim", "16")),
        Integer.parseInt(opts.getOrDefault("threads", "2")),
        LayoutKind.byName(opts.getOrDefault("layout", "hers-complex")),
        opts.getOrDefault("form", "relinearized").equals("degree2") ? ScoreForm.DEGREE_TWO : ScoreForm.RELINEARIZED,
        opts.containsKey("plaintext-probe"), 10, Integer.parseInt(opts.getOrDefault("reps", "2")),
        Path.of(opts.getOrDefault("work", System.getProperty("java.io.tmpdir"))), 20_231_123L,
        Long.parseLong(opts.getOrDefault("check-accuracy-up-to", "1000000")));
    PrintStream err = System.err;
    ProgressListener progress = (stage, done, total) -> {
      if (stage.equals("benchmark")) {
        err.printf(Locale.ROOT, "benchmark: %d/%d sizes done%n", done, total);
      }
    };
    SearchBenchmarkResult result = SearchCommands.benchmarkSearch(
        CkksPresets.byName(opts.getOrDefault("preset", "SEARCH_N8192")), config, progress);
    StringBuilder csv = new StringBuilder(SearchBenchmarkRow.CSV_HEADER).append('\n');
    for (SearchBenchmarkRow row : result.rows()) {
      csv.append(row.toCsv()).append('\n');
    }
    if (opts.containsKey("csv")) {
      Path out = Path.of(opts.get("csv"));
      if (out.toAbsolutePath().getParent() != null) {
        Files.createDirectories(out.toAbsolutePath().getParent());
      }
      Files.writeString(out, csv, StandardCharsets.UTF_8);
    }
    PrintStream out = System.out;
    out.print(csv);
    out.printf(Locale.ROOT, "parameters: %s%n", result.parameters());
    out.printf(Locale.ROOT, "one block scored on one thread (largest run): %.2f ms%n", result.blockSeconds() * 1e3);
    out.printf(Locale.ROOT, "fit: %.3f s + %.4g s/item; extrapolated end-to-end for 1e8 items: %.1f s%n",
        result.extrapolation().intercept(), result.extrapolation().secondsPerItem(), result.secondsAt100Million());
    out.printf(Locale.ROOT, "proportional to the largest run: %.1f s for 1e8 items%n",
        result.secondsAt100MillionFromLargest());
    out.printf(Locale.ROOT, "CPU-bound estimate (largest run's CPU seconds / threads): %.1f s for 1e8 items%n",
        result.cpuBoundSecondsAt100Million());
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + args[i] + "'; options start with --");
      }
      String key = args[i].substring(2);
      boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
      opts.put(key, flag ? "true" : args[++i]);
    }
    return opts;
  }
}
