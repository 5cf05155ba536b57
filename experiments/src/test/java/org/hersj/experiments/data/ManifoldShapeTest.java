package org.hersj.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.hersj.experiments.data.synth.ManifoldShape;
import org.hersj.experiments.data.synth.SyntheticGenerator;
import org.hersj.experiments.data.synth.SyntheticKind;
import org.hersj.experiments.data.synth.SyntheticSpec;
import org.hersj.experiments.data.synth.SyntheticValueException;
import org.hersj.experiments.progress.Progress;
import org.junit.jupiter.api.Test;

/** The configurable manifold map: today's output with the defaults, checked ranges, and what each knob does. */
class ManifoldShapeTest {

    /**
     * SHA-256 of {@code ofPreset(kind, 12, 3, 5, 2026)} (float bits then label of every row, little-endian),
     * computed with the generator at commit fe766bb, before the map was configurable.
     */
    private static final String[][] HASHES_AT_FE766BB = {
        {"arcface-like", "bf86a98f9779f1c7afca90c867caa54b3ac3e7d0ae4ab9f05f521373a8bc0a97"},
        {"deepprint-like", "42918f06e8022b1f5dc9eada7be7091db6b3419938f0cfb6c86c4486bf508da7"},
        {"imagenet-like", "037033d62c56ae9d8cb91629ad89c5bddf9a1426eaa4d70e549b4449955799d2"},
        {"manifold-like", "b12e60fd9f84944503f1ff94217a3d052c4142f9e0197bac5371bf90fc4f7fc7"},
    };

    static String sha256(Dataset d) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < d.size(); i++) {
                for (float f : d.vectors()[i]) {
                    md.update(b.clear().putFloat(f).array());
                }
                md.update(b.clear().putInt(d.labels()[i]).array());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static SyntheticSpec manifold(ManifoldShape shape, int identities, int samples, long seed) {
        SyntheticKind k = SyntheticKind.MANIFOLD_LIKE;
        return new SyntheticSpec(k, identities, samples, 0, k.kappa(), k.centreKappa(), k.kappaSpread(), seed, shape);
    }

    @Test
    void defaultsGiveTheSameBytesAsBeforeTheMapWasConfigurable() {
        for (String[] expected : HASHES_AT_FE766BB) {
            SyntheticKind kind = SyntheticKind.fromId(expected[0]);
            Dataset d = SyntheticGenerator.generate(SyntheticSpec.ofPreset(kind, 12, 3, 5, 2026), Progress.NONE);
            assertEquals(41, d.size());
            assertEquals(expected[1], sha256(d), expected[0]);
        }
        SyntheticKind k = SyntheticKind.MANIFOLD_LIKE;
        SyntheticSpec explicit = new SyntheticSpec(k, 12, 3, 5, k.kappa(), k.centreKappa(), k.kappaSpread(), 2026,
                new ManifoldShape(10, 512, 8.0, true));
        assertEquals(HASHES_AT_FE766BB[3][1], sha256(SyntheticGenerator.generate(explicit, Progress.NONE)));
    }

    @Test
    void everySettingChangesTheData() {
        String base = sha256(SyntheticGenerator.generate(manifold(ManifoldShape.DEFAULT, 6, 2, 3), Progress.NONE));
        for (ManifoldShape other : new ManifoldShape[] {new ManifoldShape(6, 512, 8, true),
            new ManifoldShape(10, 192, 8, true), new ManifoldShape(10, 512, 9, true), new ManifoldShape(10, 512, 8, false)}) {
            Dataset d = SyntheticGenerator.generate(manifold(other, 6, 2, 3), Progress.NONE);
            assertEquals(other.dimension(), d.dimension(), other.toString());
            assertFalse(base.equals(sha256(d)), other + " gives the default's data");
            for (float[] x : d.vectors()) {
                double norm = 0;
                for (float v : x) {
                    norm += v * v;
                }
                assertEquals(1, norm, 1e-5, "unit rows");
            }
        }
    }

    @Test
    void outOfRangeSettingsNameTheirKeyAndRange() {
        SyntheticValueException e = assertThrows(SyntheticValueException.class, () -> new ManifoldShape(1, 512, 8, true));
        assertEquals("latentDimension", e.key());
        assertEquals("latentDimension is 1; expected an integer from 2 to 64", e.getMessage());
        assertEquals("latentDimension", assertThrows(SyntheticValueException.class,
                () -> new ManifoldShape(65, 512, 8, true)).key());
        e = assertThrows(SyntheticValueException.class, () -> new ManifoldShape(10, 10, 8, true));
        assertEquals("dimension", e.key());
        assertTrue(e.problem().contains("from 11 (above latentDimension 10) to 4096"), e.problem());
        assertEquals("dimension", assertThrows(SyntheticValueException.class,
                () -> new ManifoldShape(10, 4097, 8, true)).key());
        for (double gain : new double[] {0, -1, 100.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            e = assertThrows(SyntheticValueException.class, () -> new ManifoldShape(10, 512, gain, true));
            assertEquals("gain", e.key());
            assertTrue(e.problem().contains("expected a number > 0 and <= 100"), e.problem());
        }
        assertThrows(IllegalArgumentException.class, () -> manifold(null, 2, 2, 1));
        SyntheticKind vmf = SyntheticKind.ARCFACE_LIKE;
        assertThrows(IllegalArgumentException.class, () -> new SyntheticSpec(vmf, 2, 2, 0, 1, 0, 0, 1,
                ManifoldShape.DEFAULT));
    }

    @Test
    void higherGainOrLatentDimensionSpreadsTheVarianceOverMoreDirections() {
        // Per-entry scale of W1 held at 4 (gain = 4 sqrt(latent)) when the latent dimension changes.
        double gentle = topVariance(new ManifoldShape(4, 64, 4 * 2, false));
        double curved = topVariance(new ManifoldShape(4, 64, 16 * 2, false));
        double wider = topVariance(new ManifoldShape(9, 64, 4 * 3, false));
        assertTrue(curved < gentle - 0.05, "gain: top-8 explained variance " + gentle + " -> " + curved);
        assertTrue(wider < gentle - 0.05, "latent dimension: top-8 explained variance " + gentle + " -> " + wider);
    }

    /** Fraction of the variance of 1200 samples held by the 8 leading principal directions. */
    private static double topVariance(ManifoldShape shape) {
        float[][] x = SyntheticGenerator.generate(manifold(shape, 300, 4, 8), Progress.NONE).vectors();
        int d = shape.dimension();
        double[] mean = new double[d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / (double) x.length;
            }
        }
        double[][] c = new double[d][d];
        for (float[] row : x) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    c[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]);
                }
            }
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += c[i][i];
        }
        return leadingEigenvalueSum(c, 8) / trace;
    }

    /** Sum of the k largest eigenvalues of a symmetric positive semi-definite matrix (subspace iteration). */
    private static double leadingEigenvalueSum(double[][] c, int k) {
        int d = c.length;
        SplittableRandom rng = new SplittableRandom(1);
        double[][] q = new double[k][d];
        for (double[] v : q) {
            for (int i = 0; i < d; i++) {
                v[i] = rng.nextGaussian();
            }
        }
        double sum = 0;
        for (int iteration = 0; iteration < 300; iteration++) {
            sum = 0;
            for (int a = 0; a < k; a++) {
                double[] w = new double[d];
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        w[i] += c[i][j] * q[a][j];
                    }
                }
                for (int b = 0; b < a; b++) {
                    double dot = 0;
                    for (int i = 0; i < d; i++) {
                        dot += w[i] * q[b][i];
                    }
                    for (int i = 0; i < d; i++) {
                        w[i] -= dot * q[b][i];
                    }
                }
                double norm = 0;
                for (double v : w) {
                    norm += v * v;
                }
                norm = Math.sqrt(norm);
                double rayleigh = 0;
                for (int i = 0; i < d; i++) {
                    rayleigh += w[i] * q[a][i];
                }
                sum += rayleigh;
                for (int i = 0; i < d; i++) {
                    q[a][i] = w[i] / norm;
                }
            }
        }
        return sum;
    }
}
