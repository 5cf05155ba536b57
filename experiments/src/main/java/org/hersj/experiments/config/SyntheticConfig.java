package org.hersj.experiments.config;

import org.hersj.experiments.data.synth.SyntheticKind;
import org.hersj.experiments.data.synth.SyntheticSpec;

/**
 * {@code dataset.synthetic}: a generated dataset instead of files.
 *
 * @param kind               preset: {@code arcface-like} (512-d), {@code deepprint-like} (192-d) or
 *                           {@code imagenet-like} (1536-d); required
 * @param identities         number of enrolled identities, {@code >= 1}; required
 * @param samplesPerIdentity samples per identity (the first is enrolled, the rest are probes),
 *                           {@code >= 1}; required
 * @param distractors        extra one-sample identities enrolled in the gallery, {@code >= 0}; default 0
 * @param kappa              within-identity concentration; default from the preset
 * @param centreKappa        concentration of identity centres; default from the preset
 * @param kappaSpread        spread of per-sample quality (standard deviation of log kappa), 0 to 5;
 *                           default from the preset
 */
public record SyntheticConfig(String kind, Integer identities, Integer samplesPerIdentity, Integer distractors,
                              Double kappa, Double centreKappa, Double kappaSpread) {

    /** Checks ranges and fills in defaults. */
    public SyntheticConfig {
        Checks.required("kind", kind, "one of " + SyntheticKind.ids());
        try {
            SyntheticKind.fromId(kind);
        } catch (IllegalArgumentException e) {
            throw new ConfigValueException("kind", e.getMessage());
        }
        Checks.atLeast("identities", identities, 1);
        Checks.atLeast("samplesPerIdentity", samplesPerIdentity, 1);
        distractors = distractors == null ? 0 : distractors;
        Checks.atLeast("distractors", distractors, 0);
        SyntheticKind preset = SyntheticKind.fromId(kind);
        kappa = kappa == null ? preset.kappa() : Checks.positiveOrNull("kappa", kappa, false);
        centreKappa = centreKappa == null ? preset.centreKappa() : Checks.positiveOrNull("centreKappa", centreKappa, true);
        kappaSpread = kappaSpread == null ? preset.kappaSpread() : Checks.positiveOrNull("kappaSpread", kappaSpread, true);
        if (kappaSpread > 5) {
            throw new ConfigValueException("kappaSpread", "is " + kappaSpread + "; expected a number from 0 to 5");
        }
    }

    /**
     * @param seed the dataset's seed
     * @return the generator's parameters
     */
    public SyntheticSpec toSpec(long seed) {
        return new SyntheticSpec(SyntheticKind.fromId(kind), identities, samplesPerIdentity, distractors,
                kappa, centreKappa, kappaSpread, seed);
    }
}
