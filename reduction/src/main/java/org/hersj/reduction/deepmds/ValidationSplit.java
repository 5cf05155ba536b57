package org.hersj.reduction.deepmds;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Splits labelled data by identity into training and validation (no identity in both) and draws the
 * fixed validation pairs (twice the training batch of each kind) used for early stopping.
 *
 * @param training             rows of the training identities
 * @param validation           rows of the held-out identities, or null without validation
 * @param genuine              the fixed genuine validation pairs (indices into {@code validation})
 * @param impostor             the fixed impostor validation pairs
 * @param validationIdentities number of held-out identities
 */
record ValidationSplit(LabelledData training, LabelledData validation, int[][] genuine, int[][] impostor,
                       int validationIdentities) {

    /**
     * @param all    every labelled row
     * @param config the validation fraction and batch sizes
     * @param random seeded source
     * @return the split ({@code validation} null when the fraction is 0)
     */
    static ValidationSplit of(LabelledData all, DeepMdsConfig config, SplittableRandom random) {
        int identities = all.rowsByIdentity().length;
        if (config.validationFraction() == 0) {
            return new ValidationSplit(all, null, null, null, 0);
        }
        int held = Math.max(2, (int) Math.round(config.validationFraction() * identities));
        if (identities - held < 2) {
            throw new IllegalArgumentException("DeepMdsConfig.validation_fraction = " + config.validationFraction()
                    + " leaves " + (identities - held) + " of " + identities
                    + " identities for training; expected at least 2 (lower the fraction or add identities)");
        }
        int[] order = new int[identities];
        for (int i = 0; i < identities; i++) {
            order[i] = i;
        }
        for (int i = identities - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] validationIds = Arrays.copyOfRange(order, 0, held);
        int[] trainingIds = Arrays.copyOfRange(order, held, identities);
        LabelledData validation = all.subset(validationIds);
        PairSampler sampler = new PairSampler(validation, random.split());
        return new ValidationSplit(all.subset(trainingIds), validation,
                sampler.genuine(2 * config.genuinePairsPerBatch()), sampler.impostor(2 * config.impostorPairsPerBatch()),
                held);
    }

    /** @return the fixed validation batch fed with the validation rows, or null without validation */
    PairBatch batch() {
        return validation == null ? null : PairBatch.of(validation, genuine, impostor);
    }

    /**
     * @param features graph inputs of the validation rows (e.g. their images under frozen stages)
     * @return the same validation pairs and targets fed with {@code features}, or null without validation
     */
    PairBatch batch(float[][] features) {
        return validation == null ? null : PairBatch.of(validation.withFeatures(features), genuine, impostor);
    }
}
