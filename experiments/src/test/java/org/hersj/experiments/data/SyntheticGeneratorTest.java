package org.hersj.experiments.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hersj.experiments.data.synth.SyntheticGenerator;
import org.hersj.experiments.data.synth.SyntheticKind;
import org.hersj.experiments.data.synth.SyntheticSpec;
import org.hersj.experiments.data.synth.VonMisesFisherSampler;
import org.hersj.experiments.progress.Progress;
import org.junit.jupiter.api.Test;

class SyntheticGeneratorTest {

    /** Mean genuine and impostor cosine over all pairs of a dataset (distractors count as impostors). */
    private static double[] meanGenuineImpostor(Dataset d) {
        double genuine = 0;
        double impostor = 0;
        long g = 0;
        long i = 0;
        for (int a = 0; a < d.size(); a++) {
            for (int b = a + 1; b < d.size(); b++) {
                double s = 0;
                for (int t = 0; t < d.dimension(); t++) {
                    s += (double) d.vectors()[a][t] * d.vectors()[b][t];
                }
                if (d.labels()[a] >= 0 && d.labels()[a] == d.labels()[b]) {
                    genuine += s;
                    g++;
                } else {
                    impostor += s;
                    i++;
                }
            }
        }
        return new double[] {genuine / g, impostor / i};
    }

    @Test
    void woodSamplerMatchesTheClosedFormMeanOnTheTwoSphere() {
        // On S^2 (p = 3) the mean cosine to mu is coth(kappa) - 1/kappa.
        float[] mu = {0, 0, 1};
        SplittableRandom rng = new SplittableRandom(5);
        for (double kappa : new double[] {0.5, 2, 10}) {
            double sum = 0;
            int n = 40_000;
            for (int k = 0; k < n; k++) {
                float[] x = VonMisesFisherSampler.sample(mu, kappa, rng);
                assertEquals(1.0, x[0] * x[0] + x[1] * x[1] + x[2] * x[2], 1e-5);
                sum += x[2];
            }
            double expected = Math.cosh(kappa) / Math.sinh(kappa) - 1 / kappa;
            assertEquals(expected, sum / n, 0.01, "kappa " + kappa);
        }
    }

    @Test
    void presetsHitTheirGenuineAndImpostorRanges() {
        double[][] expected = {{0.45, 0.60, 0.02, 0.09}, {0.52, 0.68, 0.06, 0.14}, {0.44, 0.56, 0.17, 0.26},
            {0.45, 0.75, -0.05, 0.06}};
        for (SyntheticKind kind : SyntheticKind.values()) {
            Dataset d = SyntheticGenerator.generate(SyntheticSpec.ofPreset(kind, 40, 4, 40, 11), Progress.NONE);
            assertEquals(kind.dimension(), d.dimension());
            double[] m = meanGenuineImpostor(d);
            double[] range = expected[kind.ordinal()];
            assertTrue(m[0] >= range[0] && m[0] <= range[1], kind + " genuine mean " + m[0]);
            assertTrue(m[1] >= range[2] && m[1] <= range[3], kind + " impostor mean " + m[1]);
        }
    }

    @Test
    void kappaTunesTheSimilarities() {
        SyntheticKind k = SyntheticKind.DEEPPRINT_LIKE;
        double[] loose = meanGenuineImpostor(SyntheticGenerator.generate(
                new SyntheticSpec(k, 30, 3, 0, 100, 0, 0, 3), Progress.NONE));
        double[] tight = meanGenuineImpostor(SyntheticGenerator.generate(
                new SyntheticSpec(k, 30, 3, 0, 2000, 0, 0, 3), Progress.NONE));
        assertTrue(tight[0] > loose[0] + 0.3, "genuine " + loose[0] + " -> " + tight[0]);
        assertEquals(0, loose[1], 0.02, "uniform centres give impostor mean about 0");
        double[] close = meanGenuineImpostor(SyntheticGenerator.generate(
                new SyntheticSpec(k, 30, 3, 0, 2000, 300, 0, 3), Progress.NONE));
        assertTrue(close[1] > 0.2, "concentrated centres raise impostor similarity: " + close[1]);
    }

    @Test
    void kappaSpreadWidensTheGenuineDistribution() {
        SyntheticKind k = SyntheticKind.DEEPPRINT_LIKE;
        double fixed = genuineStandardDeviation(SyntheticGenerator.generate(
                new SyntheticSpec(k, 40, 4, 0, 450, 0, 0, 5), Progress.NONE));
        double spread = genuineStandardDeviation(SyntheticGenerator.generate(
                new SyntheticSpec(k, 40, 4, 0, 450, 0, 1.0, 5), Progress.NONE));
        assertTrue(spread > 2 * fixed, "genuine sd " + fixed + " -> " + spread);
    }

    private static double genuineStandardDeviation(Dataset d) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int a = 0; a < d.size(); a++) {
            for (int b = a + 1; b < d.size() && d.labels()[b] == d.labels()[a]; b++) {
                double s = 0;
                for (int t = 0; t < d.dimension(); t++) {
                    s += (double) d.vectors()[a][t] * d.vectors()[b][t];
                }
                sum += s;
                squares += s * s;
                n++;
            }
        }
        double mean = sum / n;
        return Math.sqrt(squares / n - mean * mean);
    }

    @Test
    void generationIsSeededAndDistractorsAreLabelledMinusOne() {
        SyntheticSpec spec = SyntheticSpec.ofPreset(SyntheticKind.ARCFACE_LIKE, 5, 3, 7, 99);
        Dataset a = SyntheticGenerator.generate(spec, Progress.NONE);
        Dataset b = SyntheticGenerator.generate(spec, Progress.NONE);
        assertEquals(22, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.vectors()[i], b.vectors()[i]);
        }
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, -1, -1, -1, -1, -1, -1, -1}, a.labels());
        Dataset other = SyntheticGenerator.generate(SyntheticSpec.ofPreset(SyntheticKind.ARCFACE_LIKE, 5, 3, 7, 100),
                Progress.NONE);
        assertTrue(other.vectors()[0][0] != a.vectors()[0][0]);
        Dataset fewerDistractors = SyntheticGenerator.generate(
                SyntheticSpec.ofPreset(SyntheticKind.ARCFACE_LIKE, 5, 3, 1, 99), Progress.NONE);
        assertArrayEquals(a.vectors()[14], fewerDistractors.vectors()[14], "identities do not depend on distractors");
    }
}
