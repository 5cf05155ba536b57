package org.hersj.experiments.run;

import java.nio.file.Path;
import java.util.List;
import org.hersj.experiments.report.ResultRow;
import org.hersj.experiments.report.TwoStageRow;

/**
 * A completed run.
 *
 * @param runDir   the final run directory
 * @param rows     its results, one per combination
 * @param twoStage its two-stage rows (empty unless a search list names {@code two-stage})
 */
public record RunOutcome(Path runDir, List<ResultRow> rows, List<TwoStageRow> twoStage) {
}
