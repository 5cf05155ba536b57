package org.hersj.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code two-stage} search mode's keys: binding, which rows get the mode, and errors naming file and key. */
class TwoStageConfigTest {

    private static final String HEAD = """
            name: demo
            seed: 7
            dataset:
              synthetic: {kind: deepprint-like, identities: 10, samplesPerIdentity: 3}
            reduction:
              - {method: identity, search: [plaintext]}
              - {method: pca, dimensions: [32, 16]}
            """;

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("exp.yaml"), HEAD + yaml);
    }

    private void failsAt(String yaml, String key, String expected) throws IOException {
        ConfigAssertions.failsAt(write(yaml), key, expected);
    }

    @Test
    void bindsAndAddsTheModeOnlyAtTheStageOneDimension() throws IOException {
        ExperimentConfig c = ConfigLoader.load(write("""
                search: [plaintext, two-stage]
                twoStage: {k: 20, stage1Dimension: 16}
                """));
        assertEquals(20, c.twoStage().k());
        assertEquals(16, c.twoStage().stage1Dimension());
        assertNull(c.twoStage().stage2Dimension(), "default: the dataset's dimension, checked when the data is loaded");
        ReductionConfig pca = c.reduction().get(1);
        assertEquals(List.of("plaintext", "two-stage"), c.searchModes(pca, 16));
        assertEquals(List.of("plaintext"), c.searchModes(pca, 32));
        assertEquals(List.of("plaintext"), c.searchModes(c.reduction().get(0), 192));
        assertTrue(ConfigLoader.toYaml(c).contains("stage1Dimension: 16"), "the resolved config keeps the block");
    }

    @Test
    void theModeWithoutItsBlockIsAnError() throws IOException {
        failsAt("search: [plaintext, two-stage]\n", "twoStage", "missing");
        // HEAD's own reduction list is replaced (a second 'reduction' key would be a duplicate).
        ConfigAssertions.failsAt(Files.writeString(dir.resolve("exp.yaml"), HEAD.substring(0, HEAD.indexOf("reduction:"))
                + "reduction: [{method: pca, dimensions: [16], search: [two-stage]}]\n"), "twoStage", "stage1Dimension");
    }

    @Test
    void theBlockWithoutTheModeIsAnError() throws IOException {
        failsAt("twoStage: {k: 5, stage1Dimension: 16}\n", "twoStage", "no search list names two-stage");
    }

    @Test
    void missingOutOfRangeMistypedAndUnknownKeysAreNamed() throws IOException {
        String mode = "search: [two-stage]\n";
        failsAt(mode + "twoStage: {stage1Dimension: 16}\n", "twoStage.k", "missing; expected an integer >= 1");
        failsAt(mode + "twoStage: {k: 0, stage1Dimension: 16}\n", "twoStage.k", "expected an integer >= 1");
        failsAt(mode + "twoStage: {k: 5}\n", "twoStage.stage1Dimension", "missing");
        failsAt(mode + "twoStage: {k: ten, stage1Dimension: 16}\n", "twoStage.k", "wrong type");
        failsAt(mode + "twoStage: {k: 5, stage1Dimension: 16, K: 3}\n", "twoStage.K", "unknown key");
        failsAt(mode + "twoStage: {k: 5, stage1Dimension: 16, stage2Dimension: 16}\n", "twoStage.stage1Dimension",
                "smaller than the full one");
        failsAt(mode + "twoStage: {k: 5, stage1dimension: 16}\n", "twoStage.stage1dimension", "unknown key");
    }
}
