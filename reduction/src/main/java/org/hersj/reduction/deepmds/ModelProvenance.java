package org.hersj.reduction.deepmds;

import java.util.List;

/**
 * Where a DeepMDS model came from: enough to reproduce it.
 *
 * @param method               {@code deepmds} or {@code deepmds++}
 * @param config               the training configuration (including the seed used)
 * @param trainingDataSha256   SHA-256 of the training rows (float32 little-endian, row-major) followed by
 *                             the labels (int32 little-endian), before normalisation
 * @param trainingRows         rows given for training
 * @param trainingIdentities   identities used for training (after the validation split)
 * @param validationIdentities identities held out for validation
 * @param stages               how each stage ended
 * @param startedAt            ISO-8601 start time
 * @param finishedAt           ISO-8601 end time
 * @param nd4jVersion          the ND4J version used
 * @param javaVersion          the JVM version used
 */
public record ModelProvenance(String method, DeepMdsConfig config, String trainingDataSha256, int trainingRows,
                              int trainingIdentities, int validationIdentities, List<StageSummary> stages,
                              String startedAt, String finishedAt, String nd4jVersion, String javaVersion) {

    /** Copies the stage list. */
    public ModelProvenance {
        stages = List.copyOf(stages);
    }
}
