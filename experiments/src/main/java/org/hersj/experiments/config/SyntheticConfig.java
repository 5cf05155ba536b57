package org.hersj.experiments.config;

import org.hersj.experiments.data.synth.ManifoldShape;
import org.hersj.experiments.data.synth.SyntheticKind;
import org.hersj.experiments.data.synth.SyntheticSpec;
import org.hersj.experiments.data.synth.SyntheticValueException;

/**
 * {@code dataset.synthetic}: a generated dataset instead of files.
 *
 * @param kind               preset: {@code arcface-like} (512-d), {@code deepprint-like} (192-d),
 *                           {@code imagenet-like} (1536-d) or {@code manifold-like} (default 512-d);
 *                           required
 * @param identities         number of enrolled identities, {@code >= 1}; required
 * @param samplesPerIdentity samples per identity (the first is enrolled, the rest are probes),
 *                           {@code >= 1}; required
 * @param distractors        extra one-sample identities enrolled in the gallery, {@code >= 0}; default 0
 * @param kappa              within-identity concentration; default from the preset
 * @param centreKappa        concentration of identity centres; default from the preset
 * @param kappaSpread        spread of per-sample quality (standard deviation of log kappa), 0 to 5;
 *                           default from the preset
 * @param latentDimension    {@code manifold-like} only: coordinates of the latent unit vector (the sphere
 *                           S^(latentDimension - 1)), 2 to 64 and below {@code dimension}; default 10
 * @param dimension          {@code manifold-like} only: ambient dimension, up to 4096; default 512
 * @param gain               {@code manifold-like} only: first-layer scale (entries of W1 have standard
 *                           deviation gain / sqrt(latentDimension)), in (0, 100]; default 8
 * @param mixing             {@code manifold-like} only: whether the square Gaussian layer W2 mixes the
 *                           hidden units; default true
 */
public record SyntheticConfig(String kind, Integer identities, Integer samplesPerIdentity, Integer distractors,
                              Double kappa, Double centreKappa, Double kappaSpread, Integer latentDimension,
                              Integer dimension, Double gain, Boolean mixing) {

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
        if (preset.isManifold()) {
            ManifoldShape defaults = ManifoldShape.DEFAULT;
            latentDimension = latentDimension == null ? defaults.latentDimension() : latentDimension;
            dimension = dimension == null ? defaults.dimension() : dimension;
            gain = gain == null ? defaults.gain() : gain;
            mixing = mixing == null ? defaults.mixing() : mixing;
            try {
                new ManifoldShape(latentDimension, dimension, gain, mixing);
            } catch (SyntheticValueException e) {
                throw new ConfigValueException(e.key(), e.problem());
            }
        } else {
            rejectManifoldKey("latentDimension", latentDimension, kind);
            rejectManifoldKey("dimension", dimension, kind);
            rejectManifoldKey("gain", gain, kind);
            rejectManifoldKey("mixing", mixing, kind);
        }
    }

    private static void rejectManifoldKey(String key, Object value, String kind) {
        if (value != null) {
            throw new ConfigValueException(key, "is only for kind " + SyntheticKind.MANIFOLD_LIKE + " (kind " + kind
                    + " has a fixed shape); remove it");
        }
    }

    /**
     * @param seed the dataset's seed
     * @return the generator's parameters
     */
    public SyntheticSpec toSpec(long seed) {
        SyntheticKind preset = SyntheticKind.fromId(kind);
        return new SyntheticSpec(preset, identities, samplesPerIdentity, distractors, kappa, centreKappa, kappaSpread,
                seed, preset.isManifold() ? new ManifoldShape(latentDimension, dimension, gain, mixing) : null);
    }
}
