package org.hersj.reduction.deepmds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hersj.reduction.ClusteredSphereData;
import org.hersj.reduction.core.UnitVectors;
import org.hersj.reduction.pca.PcaReducer;
import org.junit.jupiter.api.Test;

/** {@code init: pca}: a stage starts exactly at PCA's map; training then never keeps a worse start. */
class PcaInitTest {

    private static final ClusteredSphereData DATA = ClusteredSphereData.generate(48, 12, 60, 4, 0.8, 5);

    @Test
    void initialPcaStageReproducesPcaOutputs() {
        DeepMdsConfig config = DeepMdsConfigBuilder.paper(List.of(48, 12)).init("pca").build();
        Map<String, long[]> shapes = StageParameters.shapes(0, 48, 12, config.resLayers());
        PcaReducer pca = PcaReducer.fit(DATA.rows, 12);
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> params = StageParameters.initialise(shapes,
                new SplittableRandom(3));
        DeepMdsModel xavier = new DeepMdsModel(config, List.of(Map.copyOf(params)), null);
        StageParameters.startAtPca(params, 0, config.resLayers(), pca.mean(), pca.components());
        DeepMdsModel started = new DeepMdsModel(config, List.of(params), null);

        float[][] expected = pca.reduce(DATA.rows);
        float[][] actual = started.reduce(DATA.rows);
        float[][] random = xavier.reduce(DATA.rows);
        double xavierGap = 0;
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 2e-5f, "row " + i);
            xavierGap = Math.max(xavierGap, 1 - UnitVectors.dot(expected[i], random[i]));
        }
        assertTrue(xavierGap > 0.1, "a Xavier start is not PCA's map: " + xavierGap);
    }

    @Test
    void earlyStoppingNeverKeepsWeightsWorseThanThePcaStart() {
        DeepMdsConfig config = DeepMdsConfigBuilder.paper(List.of(48, 24, 12)).scaledSchedule(3, 10, 32, 64)
                .learningRate(3e-2).init("pca").validationFraction(0.2).earlyStopPatience(1).build();
        DeepMdsModel model = new DeepMdsTrainer(config, TrainingListener.NONE, null, StageCheckpoint.NONE)
                .train(DATA.rows, DATA.labels);
        for (StageSummary s : model.provenance().stages()) {
            assertTrue(s.bestValidation() <= s.startValidation(), s.toString());
            assertEquals(s.keptEpoch() == -1, s.bestValidation() == s.startValidation(), s.toString());
            assertTrue(s.stepsPerSecond() > 0 && s.pairsPerSecond() == 64 * s.stepsPerSecond(), s.toString());
        }
    }
}
