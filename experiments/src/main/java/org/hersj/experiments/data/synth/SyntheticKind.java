package org.hersj.experiments.data.synth;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Presets for synthetic embeddings that behave like the paper's three kinds of data (vMF clusters around
 * linear subspaces, where PCA is near optimal), plus {@code manifold-like}, clusters on a curved
 * low-dimensional manifold, where it is not. Each fixes the dimension (for {@code manifold-like} only its
 * default, see {@link ManifoldShape}) and default concentrations: {@code kappa} (spread of one identity's samples around its
 * centre; higher means more similar genuine pairs) and {@code centreKappa} (spread of identity centres
 * around a common direction; higher means more similar impostor pairs) and {@code kappaSpread} (spread
 * of sample quality; higher means more poor samples that are hard to identify).
 */
public enum SyntheticKind {
    /** Face embeddings like ArcFace: 512-d, genuine cosine about 0.53, impostor about 0.06. */
    ARCFACE_LIKE("arcface-like", 512, 900, 200, 0.8),
    /** Fingerprint embeddings like DeepPrint: 192-d, genuine cosine about 0.61, impostor about 0.11. */
    DEEPPRINT_LIKE("deepprint-like", 192, 450, 95, 0.7),
    /** Image embeddings like an ImageNet CNN: 1536-d, genuine cosine about 0.53, impostor about 0.23. */
    IMAGENET_LIKE("imagenet-like", 1536, 2600, 1800, 0.7),
    /**
     * Embeddings with a known intrinsic dimension: identities and samples in a latent space (centres
     * uniform, samples von Mises-Fisher with {@code kappa} there) mapped into the ambient space by a fixed
     * seeded random nonlinear map (see {@code ManifoldMap}); with the default {@link ManifoldShape} (10-d
     * latent, 512-d) face-like, genuine cosine about 0.6, impostor about 0. PCA at 16-d loses much of the
     * rank-1, a nonlinear 16-d map need not.
     */
    MANIFOLD_LIKE("manifold-like", 512, 100, 0, 0.3);

    private final String id;
    private final int dimension;
    private final double kappa;
    private final double centreKappa;
    private final double kappaSpread;

    SyntheticKind(String id, int dimension, double kappa, double centreKappa, double kappaSpread) {
        this.id = id;
        this.dimension = dimension;
        this.kappa = kappa;
        this.centreKappa = centreKappa;
        this.kappaSpread = kappaSpread;
    }

    /** @return the name used in configs and on the command line, e.g. {@code arcface-like} */
    public String id() {
        return id;
    }

    /** @return the embedding dimension (for {@code manifold-like}, the default of {@link ManifoldShape}) */
    public int dimension() {
        return dimension;
    }

    /** @return whether samples live on a curved low-dimensional manifold ({@code manifold-like}) */
    public boolean isManifold() {
        return this == MANIFOLD_LIKE;
    }

    /** @return the default within-identity concentration (in the latent space for {@code manifold-like}) */
    public double kappa() {
        return kappa;
    }

    /** @return the default concentration of identity centres */
    public double centreKappa() {
        return centreKappa;
    }

    /** @return the default spread of per-sample concentration (sample quality) */
    public double kappaSpread() {
        return kappaSpread;
    }

    /**
     * @param id a preset name such as {@code arcface-like}
     * @return the preset
     * @throws IllegalArgumentException listing the valid names if {@code id} is unknown
     */
    public static SyntheticKind fromId(String id) {
        for (SyntheticKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown synthetic kind '" + id + "'; expected one of " + ids());
    }

    /** @return the valid names, comma-separated */
    public static String ids() {
        return Arrays.stream(values()).map(SyntheticKind::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
