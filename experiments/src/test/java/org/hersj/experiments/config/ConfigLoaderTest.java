package org.hersj.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String GOOD = """
            name: demo
            seed: 7
            dataset:
              synthetic:
                kind: arcface-like
                identities: 10
                samplesPerIdentity: 3
                distractors: 5
            reduction:
              - method: identity
            search: [plaintext]
            metrics:
              cmcMaxRank: 5
            """;

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("exp.yaml"), yaml);
    }

    private ConfigException failure(String yaml) throws IOException {
        Path file = write(yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e;
    }

    @Test
    void goodConfigBindsWithDefaults() throws IOException {
        ExperimentConfig c = ConfigLoader.load(write(GOOD));
        assertEquals("demo", c.name());
        assertEquals(7L, c.seed());
        assertEquals(10, c.dataset().synthetic().identities());
        assertEquals("synthetic-arcface-like", c.dataset().name());
        assertEquals(ProtocolConfig.FIRST_SAMPLE, c.protocol().gallery());
        assertEquals(List.of("plaintext"), c.search());
        assertEquals(5, c.metrics().cmcMaxRank());
        assertTrue(c.report().plots());
    }

    @Test
    void resolvedYamlReadsBackToTheSameConfig() throws IOException {
        ExperimentConfig c = ConfigLoader.load(write(GOOD));
        ExperimentConfig again = ConfigLoader.load(write(ConfigLoader.toYaml(c)));
        assertEquals(c, again);
    }

    @Test
    void misspeltKeyIsNamedWithItsPath() throws IOException {
        ConfigException e = failure(GOOD.replace("samplesPerIdentity", "samplesPerIdentiy"));
        assertEquals("dataset.synthetic.samplesPerIdentiy", e.keyPath());
        assertTrue(e.getMessage().contains("unknown key"), e.getMessage());
        assertTrue(e.getMessage().contains("samplesPerIdentity"), "lists the valid keys: " + e.getMessage());
    }

    @Test
    void missingRequiredKeyIsNamed() throws IOException {
        assertEquals("seed", failure(GOOD.replace("seed: 7\n", "")).keyPath());
        assertEquals("dataset.synthetic.identities", failure(GOOD.replace("    identities: 10\n", "")).keyPath());
        assertEquals("dataset.features", failure("name: x\nseed: 1\ndataset:\n  name: d\n").keyPath());
    }

    @Test
    void wrongTypeIsNamedWithTheExpectedType() throws IOException {
        ConfigException e = failure(GOOD.replace("identities: 10", "identities: ten"));
        assertEquals("dataset.synthetic.identities", e.keyPath());
        assertTrue(e.getMessage().contains("expected an integer"), e.getMessage());
        ConfigException f = failure(GOOD.replace("identities: 10", "identities: 2.5"));
        assertEquals("dataset.synthetic.identities", f.keyPath());
        ConfigException g = failure(GOOD.replace("search: [plaintext]", "search: plaintext"));
        assertEquals("search", g.keyPath());
        assertTrue(g.getMessage().contains("a list"), g.getMessage());
    }

    @Test
    void outOfRangeValuesAreNamed() throws IOException {
        ConfigException e = failure(GOOD.replace("cmcMaxRank: 5", "cmcMaxRank: 0"));
        assertEquals("metrics.cmcMaxRank", e.keyPath());
        assertTrue(e.getMessage().contains(">= 1"), e.getMessage());
        assertEquals("dataset.synthetic.kind", failure(GOOD.replace("arcface-like", "face")).keyPath());
        assertEquals("reduction[0].dimensions[1]",
                failure(GOOD.replace("- method: identity", "- method: identity\n    dimensions: [4, -2]")).keyPath());
        assertEquals("name", failure(GOOD.replace("name: demo", "name: ../escape")).keyPath());
        assertEquals("dataset.synthetic.kappa", failure(GOOD.replace("distractors: 5", "distractors: 5\n    kappa: -1")).keyPath());
    }

    @Test
    void precisionChoosesTheLightestPresetForTheModesAndRefusesWhatCannotMeetIt() throws IOException {
        String encrypted = GOOD.replace("search: [plaintext]", "search: [plaintext, encrypted]");
        assertEquals("SEARCH_N4096", ConfigLoader.load(write(encrypted + "fhe: {precision: 1e-4}\n")).fhe().preset(),
                "noise flooding (on by default) leaves the one-prime presets no room at 1e-4");
        ExperimentConfig lite = ConfigLoader.load(write(encrypted + "fhe: {precision: 1e-4, noiseFlooding: false}\n"));
        assertEquals("LITE_N2048", lite.fhe().preset());
        assertEquals(lite, ConfigLoader.load(write(ConfigLoader.toYaml(lite))), "the resolved config reads back");
        assertEquals("SEARCH_N4096", ConfigLoader.load(write(encrypted)).fhe().preset(), "default: precision 1e-4");
        ConfigException flooded = failure(encrypted + "fhe: {preset: LITE_N2048}\n");
        assertEquals("fhe.preset", flooded.keyPath());
        assertTrue(flooded.getMessage().contains("too noisy to rank"), flooded.getMessage());
        String clearProbe = GOOD.replace("search: [plaintext]", "search: [plaintext, plaintext-probe]");
        assertEquals("SEARCH_N4096", ConfigLoader.load(write(clearProbe + "fhe: {precision: 1e-4}\n")).fhe().preset(),
                "the plaintext-probe mode needs a preset that rescales");
        assertEquals("fhe.precision", failure(encrypted + "fhe: {precision: 1e-12}\n").keyPath());
        ConfigException tooCoarse = failure(encrypted + "fhe: {preset: LITE_N2048, precision: 1e-4}\n");
        assertEquals("fhe.preset", tooCoarse.keyPath());
        assertTrue(tooCoarse.getMessage().contains("drop the preset to get SEARCH_N4096"), tooCoarse.getMessage());
        assertEquals("fhe.preset", failure(clearProbe + "fhe: {preset: LITE_N4096}\n").keyPath());
        assertEquals("fhe.scoreForm", failure(encrypted + "fhe: {preset: LITE_N4096, scoreForm: relinearized}\n")
                .keyPath());
        assertEquals("fhe.scoreForm", failure(encrypted + "fhe: {scoreForm: degree-3}\n").keyPath());
        assertEquals("fhe.precision", failure(encrypted + "fhe: {precision: 2}\n").keyPath());
    }

    @Test
    void missingFeatureFileIsAnErrorNamingTheKey() throws IOException {
        Files.writeString(dir.resolve("labels.npy"), "x");
        ConfigException e = failure("name: x\nseed: 1\ndataset:\n  features: data/missing.npy\n  labels: labels.npy\n");
        assertEquals("dataset.features", e.keyPath());
        assertTrue(e.getMessage().contains(dir.resolve("data/missing.npy").toString()), e.getMessage());
    }

    @Test
    void filesAndSyntheticTogetherAreRefused() throws IOException {
        ConfigException e = failure(GOOD.replace("dataset:\n", "dataset:\n  features: a.npy\n  labels: b.npy\n"));
        assertEquals("dataset.synthetic", e.keyPath());
    }

    @Test
    void pathsResolveAgainstTheConfigDirectory() throws IOException {
        Path data = Files.createDirectories(dir.resolve("sub/data"));
        Files.writeString(data.resolve("f.npy"), "x");
        Files.writeString(data.resolve("l.txt"), "1");
        Path configs = Files.createDirectories(dir.resolve("sub/configs"));
        Path file = Files.writeString(configs.resolve("c.yaml"),
                "name: x\nseed: 1\ndataset:\n  features: ../data/f.npy\n  labels: ../data/l.txt\n");
        ExperimentConfig c = ConfigLoader.load(file);
        assertEquals(data.resolve("f.npy").toString(), c.dataset().features());
        assertEquals("data", c.dataset().name());
    }

    @Test
    void missingOrEmptyOrInvalidYamlFileIsAnError() throws IOException {
        assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("nope.yaml")));
        assertTrue(failure("").getMessage().contains("empty"));
        assertTrue(failure("name: 'unterminated\nseed: 1\n").getMessage().contains("YAML"));
    }
}
