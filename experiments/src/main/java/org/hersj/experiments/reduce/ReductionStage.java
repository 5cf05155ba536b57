package org.hersj.experiments.reduce;

import java.nio.file.Path;
import org.hersj.reduction.core.Reducer;

/**
 * A ready reducer and where its fitted model lives.
 *
 * @param reducer  the reducer (the {@code reduction} module's type)
 * @param modelDir the cache directory of the fitted model and its training loss curves, or null for
 *                 methods that fit nothing
 * @param reused   whether the model was loaded from the cache instead of fitted
 */
public record ReductionStage(Reducer reducer, Path modelDir, boolean reused) {
}
