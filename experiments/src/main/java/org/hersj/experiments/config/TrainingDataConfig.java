package org.hersj.experiments.config;

/**
 * {@code training}: where the reductions are fitted, as in the paper (which trains on another corpus,
 * e.g. CASIA for faces, and evaluates elsewhere). When given, every trained reduction (PCA too, for
 * fairness) is fitted on this dataset's labelled samples (distractors, label -1, are left out) and the
 * evaluated {@code dataset} is searched whole; without it the run holds out {@code
 * protocol.trainIdentities} of the evaluated dataset's identities for training.
 *
 * @param dataset the training data: {@code features} + {@code labels} files or a {@code synthetic} block;
 *                required. Its dimension must equal the evaluated dataset's
 */
public record TrainingDataConfig(DatasetConfig dataset) {

    /** Checks that the dataset is given. */
    public TrainingDataConfig {
        if (dataset == null) {
            throw new ConfigValueException("dataset", "missing; expected a block {features: ..., labels: ...} (or"
                    + " synthetic) with the data the reductions are fitted on");
        }
    }
}
