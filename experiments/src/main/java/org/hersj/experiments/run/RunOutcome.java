package org.hersj.experiments.run;

import java.nio.file.Path;
import java.util.List;
import org.hersj.experiments.report.ResultRow;

/**
 * A completed run.
 *
 * @param runDir the final run directory
 * @param rows   its results, one per combination
 */
public record RunOutcome(Path runDir, List<ResultRow> rows) {
}
