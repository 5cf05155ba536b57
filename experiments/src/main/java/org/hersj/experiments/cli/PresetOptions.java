package org.hersj.experiments.cli;

import picocli.CommandLine.Option;

/** {@code --preset NAME | --precision ERROR}: the CKKS preset of a command that makes keys (see {@link PresetChoice}). */
final class PresetOptions {

    @Option(names = "--preset", paramLabel = "NAME",
            description = "CKKS parameter preset: LITE_N2048, LITE_N4096 (one prime, degree-two scores only),"
                + " SEARCH_N4096, SEARCH_N8192 or DEEP_N16384 (default: the lightest meeting --precision, else"
                + " 1e-4: SEARCH_N4096).")
    String preset;

    @Option(names = "--precision", paramLabel = "ERROR",
            description = "Largest acceptable score error, e.g. 1e-4: chooses the lightest preset whose measured error,"
                + " with the noise flooding of the key owner's decryption (unless exact scores are asked for), meets it.")
    Double precision;

    /**
     * @param enrolledBy        {@code owner} or {@code public-key}: whose gallery errors the precision is compared with
     * @param needsKeySwitching whether rotation or relinearisation keys, or a prime to rescale by (an engine that
     *                          does not run one-prime parameters), are needed
     * @param floodingBits      the noise flooding of the key owner's decryptions, negative for none
     * @return the preset name (see {@link PresetChoice#choose})
     */
    String choose(String enrolledBy, boolean needsKeySwitching, int floodingBits) {
        return PresetChoice.choose(preset, precision, enrolledBy, needsKeySwitching, floodingBits);
    }
}
