package org.hersj.experiments.bench.twostage;

import java.nio.file.Path;
import java.util.List;

/**
 * What the two-stage benchmark measures.
 *
 * @param sizes gallery sizes, ascending; each is enrolled (reduced HERS, full packed, and full HERS up to
 *     {@code fullSingleStageUpTo}) and searched
 * @param reducedDimension stage-1 dimension (e.g. 16)
 * @param fullDimension stage-2 and single-stage full dimension (e.g. 192 or 512)
 * @param measuredK candidates actually re-scored per run (capped at the gallery size); stage 2 is
 *     extrapolated to {@code targetK} from its CPU time per candidate group
 * @param targetK K of the extrapolation (the paper's 10,000)
 * @param threads threads for enrollment, scoring and decryption
 * @param fullSingleStageUpTo largest size at which the single-stage full-dimension search is run (it
 *     needs a d-times larger gallery on disk); larger sizes use the fitted line
 * @param workDir where galleries are written (deleted after each size)
 * @param seed seed of the synthetic rows and probe
 */
public record TwoStageBenchmarkConfig(List<Long> sizes, int reducedDimension, int fullDimension,
    int measuredK, int targetK, int threads, long fullSingleStageUpTo, Path workDir, long seed) {

  /** Validates the settings. */
  public TwoStageBenchmarkConfig {
    sizes = List.copyOf(sizes);
    if (sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 1)) {
      throw new IllegalArgumentException("benchmark sizes must be positive, got " + sizes);
    }
    if (reducedDimension < 1 || fullDimension <= reducedDimension) {
      throw new IllegalArgumentException("need 1 <= reduced dimension < full dimension, got "
          + reducedDimension + " and " + fullDimension);
    }
    if (measuredK < 1 || targetK < 1 || threads < 1) {
      throw new IllegalArgumentException("measuredK, targetK and threads must be at least 1");
    }
    if (fullSingleStageUpTo < sizes.get(0)) {
      throw new IllegalArgumentException("fullSingleStageUpTo " + fullSingleStageUpTo
          + " must include the smallest size " + sizes.get(0) + " (the extrapolation needs a point)");
    }
    if (workDir == null) {
      throw new IllegalArgumentException("workDir is required");
    }
  }
}
