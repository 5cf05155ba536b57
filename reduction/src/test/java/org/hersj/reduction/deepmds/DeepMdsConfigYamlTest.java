package org.hersj.reduction.deepmds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DeepMdsConfig binds from snake_case YAML with Jackson, and invalid values are reported by key. */
class DeepMdsConfigYamlTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final String CONFIG = """
            preset: arcface
            stage_widths: null
            res_layers: 3
            genuine_weight: 1
            impostor_weight: 1
            covariance_weight: 10
            weight_decay: 4.0e-5
            genuine_pairs_per_batch: 250
            impostor_pairs_per_batch: 250
            steps_per_epoch: 1000
            epochs: 200
            learning_rate: 3.0e-4
            learning_rate_schedule: [{at_step: 25000, factor: 0.9}, {at_step: 50000, factor: 0.5}]
            hard_mining: true
            mining_candidates: 1000
            mining_schedule: [{from_epoch: 0, hard_pairs: 50}, {from_epoch: 50, hard_pairs: 100}]
            stage_learning_rate_multipliers: []
            validation_fraction: 0
            early_stop_patience: 0
            init: xavier
            early_stop_metric: loss
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
                () -> YAML.readValue(CONFIG.replace("res_layers: 3", "res_layers: 0"), DeepMdsConfig.class));
        assertTrue(rootMessage(bad).contains("DeepMdsConfig.res_layers = 0"), rootMessage(bad));
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
