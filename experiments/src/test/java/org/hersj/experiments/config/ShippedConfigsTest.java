package org.hersj.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hersj.experiments.reproduce.PaperExperiments;
import org.junit.jupiter.api.Test;

/** Every shipped config binds; real-data configs without their data fail on the features file, naming it. */
class ShippedConfigsTest {

    private static final Path CONFIGS = Path.of("..", "configs");

    @Test
    void syntheticTwinsBindAndSearchEncryptedSomewhere() {
        for (String name : PaperExperiments.SYNTHETIC_TWINS) {
            ExperimentConfig c = ConfigLoader.load(CONFIGS.resolve(name + ".yaml"));
            assertTrue(c.dataset().usesSyntheticData(), name);
            assertEquals(name, c.name());
            boolean reduced = c.reduction().stream().anyMatch(r -> !r.method().equals("identity"));
            assertTrue(reduced, name + " sweeps a reduction");
        }
        assertTrue(ConfigLoader.load(CONFIGS.resolve("quickstart.yaml")).search().contains("encrypted"));
    }

    @Test
    void fingerprintAndImagenetTwinsAreManifoldsOnS5AtTheirWidths() {
        for (var twin : java.util.Map.of("fingerprint-synthetic", 192, "imagenet-synthetic", 1536).entrySet()) {
            var spec = ConfigLoader.load(CONFIGS.resolve(twin.getKey() + ".yaml")).dataset().synthetic().toSpec(1);
            assertTrue(spec.kind().isManifold(), twin.getKey());
            assertEquals(new org.hersj.experiments.data.synth.ManifoldShape(6, twin.getValue(), 19.596, true),
                    spec.manifold(), twin.getKey());
            assertEquals(600, spec.kappa(), twin.getKey());
        }
    }

    @Test
    void twoStageConfigsBindWithTheirBlock() {
        ExperimentConfig twin = ConfigLoader.load(CONFIGS.resolve("two-stage-synthetic.yaml"));
        assertEquals(64, twin.twoStage().stage1Dimension());
        assertTrue(twin.searchModes(twin.reduction().get(1), 64).contains(TwoStageConfig.MODE));
        assertTrue(PaperExperiments.SYNTHETIC_TWINS.contains("two-stage-synthetic"));
        Path lfw = CONFIGS.resolve("two-stage-lfw.yaml");
        if (Files.exists(Path.of("..", "..", "shared", "data", "lfw-cosface512", "embeddings.npy"))) {
            ExperimentConfig real = ConfigLoader.load(lfw);
            assertEquals(16, real.twoStage().stage1Dimension());
            assertEquals(512, real.twoStage().stage2Dimension());
        } else {
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(lfw));
            assertTrue(e.getMessage().contains("dataset.features"), e.getMessage());
        }
    }

    @Test
    void realConfigsEachHaveATwinAndNameTheirMissingFile() {
        for (String name : List.of("imagenet", "megaface", "fingerprint")) {
            assertTrue(Files.isRegularFile(CONFIGS.resolve(name + "-synthetic.yaml")), name);
            Path file = CONFIGS.resolve(name + ".yaml");
            if (!Files.exists(Path.of("..", "..", "shared", "data", name))) {
                ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
                assertTrue(e.getMessage().contains("dataset.features") && e.getMessage().contains(name + "/embeddings.npy"),
                        e.getMessage());
            }
        }
    }
}
