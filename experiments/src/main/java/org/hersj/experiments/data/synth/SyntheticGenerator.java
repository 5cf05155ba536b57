package org.hersj.experiments.data.synth;

import java.util.SplittableRandom;
import org.hersj.experiments.data.Dataset;
import org.hersj.experiments.progress.Progress;

/**
 * Generates a seeded synthetic dataset: identity centres drawn around one common direction, samples
 * drawn around their identity's centre (both von Mises-Fisher), and distractors, each a single sample
 * of a fresh identity, labelled -1. Rows are identity-major (all samples of identity 0, then 1, ...),
 * followed by the distractors. The root seed is split once per component (common direction, centres,
 * samples, distractors), so changing the number of distractors does not change the identities. The
 * {@code manifold-like} kind draws centres (uniformly) and samples in its latent space (10-d by default) and
 * maps every vector into the ambient space (512-d by default) with one fixed random nonlinear map
 * ({@link ManifoldMap} of the spec's {@link ManifoldShape}, its own constant seed, so datasets of any seed,
 * e.g. a separate training set, lie on the same manifold).
 */
public final class SyntheticGenerator {

    private SyntheticGenerator() {
    }

    /**
     * @param spec     what to generate
     * @param progress receives one update per generated identity or distractor
     * @return the dataset, named after the preset
     */
    public static Dataset generate(SyntheticSpec spec, Progress progress) {
        SplittableRandom root = new SplittableRandom(spec.seed());
        SplittableRandom directionRng = root.split();
        SplittableRandom centreRng = root.split();
        SplittableRandom sampleRng = root.split();
        SplittableRandom distractorRng = root.split();
        ManifoldMap map = spec.manifold() != null
                ? new ManifoldMap(spec.manifold(), new SplittableRandom(ManifoldMap.SEED)) : null;
        int p = map != null ? spec.manifold().latentDimension() : spec.dimension();
        float[] common = VonMisesFisherSampler.uniform(p, directionRng);
        int total = spec.totalSamples();
        float[][] vectors = new float[total][];
        int[] labels = new int[total];
        String task = "generate " + spec.kind().id();
        long steps = (long) spec.identities() + spec.distractors();
        int row = 0;
        for (int id = 0; id < spec.identities(); id++) {
            float[] centre = centre(common, spec, centreRng);
            for (int s = 0; s < spec.samplesPerIdentity(); s++) {
                vectors[row] = mapped(map, VonMisesFisherSampler.sample(centre, sampleKappa(spec, sampleRng), sampleRng));
                labels[row++] = id;
            }
            progress.update(task, id + 1, steps);
        }
        for (int d = 0; d < spec.distractors(); d++) {
            float[] centre = centre(common, spec, distractorRng);
            vectors[row] = mapped(map, VonMisesFisherSampler.sample(centre, sampleKappa(spec, distractorRng),
                    distractorRng));
            labels[row++] = Dataset.DISTRACTOR;
            progress.update(task, spec.identities() + d + 1L, steps);
        }
        progress.finish(task);
        return new Dataset("synthetic-" + spec.kind().id(), vectors, labels);
    }

    private static float[] mapped(ManifoldMap map, float[] x) {
        return map == null ? x : map.apply(x);
    }

    private static double sampleKappa(SyntheticSpec spec, SplittableRandom rng) {
        return spec.kappaSpread() == 0 ? spec.kappa() : spec.kappa() * Math.exp(spec.kappaSpread() * rng.nextGaussian());
    }

    private static float[] centre(float[] common, SyntheticSpec spec, SplittableRandom rng) {
        return spec.centreKappa() == 0
                ? VonMisesFisherSampler.uniform(common.length, rng)
                : VonMisesFisherSampler.sample(common, spec.centreKappa(), rng);
    }
}
