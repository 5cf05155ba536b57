package org.hersj.experiments.data.synth;

import java.util.Objects;

/**
 * What to generate: {@code identities x samplesPerIdentity} labelled samples plus {@code distractors}
 * one-sample identities labelled -1, with the concentrations of {@link SyntheticKind}.
 *
 * @param kind               preset (dimension and default concentrations)
 * @param identities         number of identities, {@code >= 1}
 * @param samplesPerIdentity samples per identity, {@code >= 1}
 * @param distractors        number of distractors, {@code >= 0}
 * @param kappa              within-identity concentration, {@code > 0}
 * @param centreKappa        concentration of identity centres around a common direction, {@code >= 0}
 * @param kappaSpread        sample quality spread: each sample's concentration is
 *                           {@code kappa * exp(kappaSpread * z)} with {@code z} standard normal, so some
 *                           samples are poor (far from their centre), as in real data; {@code >= 0}
 * @param seed               seed of the whole dataset
 * @param manifold           the map of the {@code manifold-like} kind (required for it, {@code null} for
 *                           the others)
 */
public record SyntheticSpec(SyntheticKind kind, int identities, int samplesPerIdentity, int distractors,
                            double kappa, double centreKappa, double kappaSpread, long seed,
                            ManifoldShape manifold) {

    /** Checks the ranges documented on the components. */
    public SyntheticSpec {
        Objects.requireNonNull(kind, "kind");
        if (kind.isManifold() != (manifold != null)) {
            throw new IllegalArgumentException(kind.isManifold() ? "kind " + kind + " needs a manifold shape"
                    : "a manifold shape is only for kind " + SyntheticKind.MANIFOLD_LIKE + ", not " + kind);
        }
        if (identities < 1 || samplesPerIdentity < 1 || distractors < 0) {
            throw new IllegalArgumentException("need identities >= 1, samplesPerIdentity >= 1, distractors >= 0; got "
                    + identities + ", " + samplesPerIdentity + ", " + distractors);
        }
        if (!(kappa > 0) || !(centreKappa >= 0) || !(kappaSpread >= 0) || Double.isInfinite(kappa)
                || Double.isInfinite(centreKappa) || kappaSpread > 5) {
            throw new IllegalArgumentException("need kappa > 0, centreKappa >= 0 (both finite) and 0 <= kappaSpread <= 5;"
                    + " got " + kappa + ", " + centreKappa + ", " + kappaSpread);
        }
        long total = (long) identities * samplesPerIdentity + distractors;
        if (total > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("too many samples: " + total);
        }
    }

    /**
     * A spec with the kind's own map: {@link ManifoldShape#DEFAULT} for {@code manifold-like}, none otherwise.
     *
     * @param kind               preset
     * @param identities         number of identities
     * @param samplesPerIdentity samples per identity
     * @param distractors        number of distractors
     * @param kappa              within-identity concentration
     * @param centreKappa        concentration of identity centres
     * @param kappaSpread        sample quality spread
     * @param seed               seed
     */
    public SyntheticSpec(SyntheticKind kind, int identities, int samplesPerIdentity, int distractors,
                         double kappa, double centreKappa, double kappaSpread, long seed) {
        this(kind, identities, samplesPerIdentity, distractors, kappa, centreKappa, kappaSpread, seed,
                kind != null && kind.isManifold() ? ManifoldShape.DEFAULT : null);
    }

    /**
     * @param kind               preset
     * @param identities         number of identities
     * @param samplesPerIdentity samples per identity
     * @param distractors        number of distractors
     * @param seed               seed
     * @return a spec with the preset's concentrations
     */
    public static SyntheticSpec ofPreset(SyntheticKind kind, int identities, int samplesPerIdentity,
                                         int distractors, long seed) {
        return new SyntheticSpec(kind, identities, samplesPerIdentity, distractors, kind.kappa(), kind.centreKappa(),
                kind.kappaSpread(), seed);
    }

    /** @return the dimension of the generated vectors: the manifold's ambient dimension or the kind's */
    public int dimension() {
        return manifold != null ? manifold.dimension() : kind.dimension();
    }

    /** @return total number of samples */
    public int totalSamples() {
        return identities * samplesPerIdentity + distractors;
    }
}
