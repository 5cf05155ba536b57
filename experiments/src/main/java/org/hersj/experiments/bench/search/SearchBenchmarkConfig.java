package org.hersj.experiments.bench.search;

import java.nio.file.Path;
import java.util.List;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.store.ReadMode;

/**
 * What to measure.
 *
 * @param sizes gallery sizes, ascending (e.g. 10^4, 10^5, 10^6); each is enrolled, then searched
 * @param dimension feature dimension
 * @param threads threads for enrollment, scoring and decryption
 * @param layout HERS (encrypted probe, or plaintext probe) or the Boddeti 2018 baseline
 * @param form score form of the HERS encrypted-probe search
 * @param plaintextProbe run the plaintext-probe mode (weaker threat model) instead of the encrypted probe
 * @param topK k of the ranked result
 * @param repetitions searches per size (the fastest is reported; enrollment is done once)
 * @param workDir where galleries and score files are written (deleted after each size)
 * @param seed seed of the synthetic gallery and probe
 * @param checkAccuracyUpTo compare every score with plaintext for galleries up to this size
 * @param readMode how the server reads the gallery ({@link ReadMode#DIRECT}: from the disk on every search, as
 *     a gallery that is not in the page cache)
 */
public record SearchBenchmarkConfig(List<Long> sizes, int dimension, int threads, LayoutKind layout,
    ScoreForm form, boolean plaintextProbe, int topK, int repetitions, Path workDir, long seed,
    long checkAccuracyUpTo, ReadMode readMode) {

  /** Validates the settings. */
  public SearchBenchmarkConfig {
    sizes = List.copyOf(sizes);
    if (sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 1)) {
      throw new IllegalArgumentException("benchmark sizes must be positive, got " + sizes);
    }
    if (dimension < 1 || threads < 1 || topK < 1 || repetitions < 1) {
      throw new IllegalArgumentException("dimension, threads, topK and repetitions must be at least 1");
    }
    if (plaintextProbe && !layout.dimensionMajor()) {
      throw new IllegalArgumentException("the plaintext-probe mode uses the HERS layout");
    }
    if (workDir == null || layout == null || form == null || readMode == null) {
      throw new IllegalArgumentException("workDir, layout, form and readMode are required");
    }
  }

  /** Short label of the search mode, used in CSV rows, for a search that read its gallery in {@code read}. */
  public String modeLabel(ReadMode read) {
    if (!layout.dimensionMajor()) {
      return layout.reportName();
    }
    String hers = layout.cliName();
    if (plaintextProbe) {
      return hers + "-plaintext-probe-weaker";
    }
    return hers + (form == ScoreForm.RELINEARIZED ? "-encrypted" : "-encrypted-degree2")
        + (read == ReadMode.DIRECT ? "-direct-io" : "");
  }
}
