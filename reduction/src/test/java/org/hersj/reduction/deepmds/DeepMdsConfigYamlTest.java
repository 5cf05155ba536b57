package org.hersj.reduction.deepmds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DeepMdsConfig binds from camelCase YAML (the naming of every config key) with Jackson, and invalid values are reported by key. */
class DeepMdsConfigYamlTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final String CONFIG = """
            preset: arcface
            stageWidths: null
            resLayers: 3
            genuineWeight: 1
            impostorWeight: 1
            covarianceWeight: 10
            weightDecay: 4.0e-5
            genuinePairsPerBatch: 250
            impostorPairsPerBatch: 250
            stepsPerEpoch: 1000
            epochs: 200
            learningRate: 3.0e-4
            learningRateSchedule: [{atStep: 25000, factor: 0.9}, {atStep: 50000, factor: 0.5}]
            hardMining: true
            miningCandidates: 1000
            miningSchedule: [{fromEpoch: 0, hardPairs: 50}, {fromEpoch: 50, hardPairs: 100}]
            stageLearningRateMultipliers: []
            validationFraction: 0
            earlyStopPatience: 0
            init: xavier
            earlyStopMetric: loss
            identificationWeight: 0
            identificationScale: 8
            seed: 42
            """;

    @Test
    void bindsFromYaml() throws Exception {
        DeepMdsConfig c = YAML.readValue(CONFIG, DeepMdsConfig.class);
        assertEquals(StageWidths.ARCFACE, c.stageWidths());
        assertEquals(new MiningStep(50, 100), c.miningSchedule().get(1));
        assertEquals(3e-4 * 0.5, c.learningRateAt(60_000), 1e-12);
        assertEquals(42, c.seed());
    }

    @Test
    void badValuesAndMissingKeysAreNamed() throws Exception {
        Exception bad = assertThrows(Exception.class,
                () -> YAML.readValue(CONFIG.replace("resLayers: 3", "resLayers: 0"), DeepMdsConfig.class));
        assertTrue(rootMessage(bad).contains("DeepMdsConfig.resLayers = 0"), rootMessage(bad));
        Exception missing = assertThrows(Exception.class,
                () -> YAML.readValue(CONFIG.replace("epochs: 200\n", ""), DeepMdsConfig.class));
        assertTrue(missing.getMessage().contains("epochs"), missing.getMessage());
        Exception init = assertThrows(Exception.class,
                () -> YAML.readValue(CONFIG.replace("init: xavier", "init: he"), DeepMdsConfig.class));
        assertTrue(rootMessage(init).startsWith("DeepMdsConfig.init = 'he': expected one of xavier"), rootMessage(init));
        assertTrue(YAML.readValue(CONFIG.replace("init: xavier", "init: pca"), DeepMdsConfig.class).pcaInit());
        assertTrue(List.of(CONFIG.split("\n")).size() > 10);
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
