package org.hersj.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hersj.experiments.data.synth.ManifoldShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dataset.synthetic}'s manifold keys: defaults, ranges, and refusal for the fixed-shape kinds. */
class SyntheticConfigTest {

    private static final String MANIFOLD = """
            name: demo
            seed: 7
            dataset:
              synthetic: {kind: manifold-like, identities: 10, samplesPerIdentity: 3%s}
            """;

    @TempDir
    Path dir;

    private Path write(String extraKeys) throws IOException {
        return Files.writeString(dir.resolve("exp.yaml"), MANIFOLD.formatted(extraKeys));
    }

    private void failsAt(String extraKeys, String key, String expected) throws IOException {
        ConfigAssertions.failsAt(write(extraKeys), "dataset.synthetic." + key, expected);
    }

    @Test
    void manifoldKeysDefaultToTodaysMapAndReadBack() throws IOException {
        ExperimentConfig c = ConfigLoader.load(write(""));
        SyntheticConfig s = c.dataset().synthetic();
        assertEquals(ManifoldShape.DEFAULT, s.toSpec(1).manifold());
        assertEquals(10, s.latentDimension());
        assertEquals(512, s.dimension());
        assertEquals(8.0, s.gain());
        assertTrue(s.mixing());
        assertTrue(ConfigLoader.toYaml(c).contains("latentDimension: 10"), ConfigLoader.toYaml(c));
        assertEquals(c, ConfigLoader.load(Files.writeString(dir.resolve("again.yaml"), ConfigLoader.toYaml(c))));
    }

    @Test
    void givenManifoldKeysReachTheSpec() throws IOException {
        ExperimentConfig c = ConfigLoader.load(write(", latentDimension: 6, dimension: 192, gain: 19.6, mixing: false"));
        assertEquals(new ManifoldShape(6, 192, 19.6, false), c.dataset().synthetic().toSpec(1).manifold());
        assertEquals(192, c.dataset().synthetic().toSpec(1).dimension());
    }

    @Test
    void outOfRangeManifoldKeysAreNamedWithTheirRange() throws IOException {
        failsAt(", latentDimension: 1", "latentDimension", "is 1; expected an integer from 2 to 64");
        failsAt(", latentDimension: 65", "latentDimension", "is 65; expected an integer from 2 to 64");
        failsAt(", latentDimension: 16, dimension: 16", "dimension",
                "is 16; expected an integer from 17 (above latentDimension 16) to 4096");
        failsAt(", dimension: 5000", "dimension", "is 5000; expected an integer from 11");
        failsAt(", gain: 0", "gain", "is 0.0; expected a number > 0 and <= 100");
        failsAt(", gain: 101", "gain", "is 101.0; expected a number > 0 and <= 100");
        failsAt(", gain: -3", "gain", "is -3.0; expected a number > 0");
        failsAt(", mixing: maybe", "mixing", "");
    }

    @Test
    void fixedShapeKindsRefuseTheManifoldKeys() throws IOException {
        for (String key : new String[] {"latentDimension: 6", "dimension: 192", "gain: 8", "mixing: true"}) {
            Path file = Files.writeString(dir.resolve("vmf.yaml"), MANIFOLD.replace("manifold-like", "deepprint-like")
                    .formatted(", " + key));
            String name = key.substring(0, key.indexOf(':'));
            ConfigAssertions.failsAt(file, "dataset.synthetic." + name, "is only for kind manifold-like");
        }
        ExperimentConfig vmf = ConfigLoader.load(Files.writeString(dir.resolve("vmf.yaml"),
                MANIFOLD.replace("manifold-like", "deepprint-like").formatted("")));
        assertEquals(null, vmf.dataset().synthetic().toSpec(1).manifold());
        assertFalse(ConfigLoader.toYaml(vmf).contains("latentDimension"), "no manifold keys in a vMF resolved config");
    }

    @Test
    void theManifoldKeysBindWithoutAYamlFileToo() {
        ConfigValueException e = assertThrows(ConfigValueException.class,
                () -> new SyntheticConfig("manifold-like", 2, 2, 0, null, null, null, 3, 3, null, null));
        assertEquals("dimension", e.key());
    }
}
