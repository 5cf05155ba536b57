package org.hersj.experiments.cli;

import org.hersj.fhe.ckks.NoiseFlooding;
import org.hersj.fhe.search.backend.ClientBackend;
import picocli.CommandLine.Option;

/**
 * {@code --exact-scores}: the key owner decrypts without noise flooding. Only for scores that never leave
 * the key owner (experiments, precision studies): a decryption handed to anyone else with its full noise
 * lets them attack the key (IND-CPA-D). The preset choice of {@code keygen} and {@code bench search}
 * counts the flooding unless it is given, so the one-prime LITE presets are only chosen with it.
 */
final class ExactScoresOption {

    @Option(names = "--exact-scores",
            description = "Decrypt without noise flooding (2^12 x the score noise is added otherwise). Only for scores"
                + " that never leave the key owner; lets --precision 1e-4 choose the one-prime LITE presets.")
    boolean exact;

    /** @return {@code client} decrypting as asked: exactly with {@code --exact-scores}, else noise-flooded (its default) */
    ClientBackend decrypting(ClientBackend client) {
        return exact ? client.withoutNoiseFlooding() : client;
    }

    /** @return the flooding bits of the key owner's decryptions, negative for none */
    int floodingBits() {
        return exact ? -1 : NoiseFlooding.DEFAULT_BITS;
    }
}
