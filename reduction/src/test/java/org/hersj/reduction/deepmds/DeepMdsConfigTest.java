package org.hersj.reduction.deepmds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Validation names the field and the expected range; presets, schedules and scaling behave. */
class DeepMdsConfigTest {

    private static final DeepMdsConfigBuilder PAPER = DeepMdsConfigBuilder.paper(StageWidths.ARCFACE);

    private static void assertRejected(Function<DeepMdsConfigBuilder, DeepMdsConfigBuilder> change, String field,
                                       String expectation) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> change.apply(DeepMdsConfigBuilder.paper(StageWidths.ARCFACE)).build());
        assertTrue(e.getMessage().startsWith("DeepMdsConfig." + field + " = "), e.getMessage());
        assertTrue(e.getMessage().contains(expectation), e.getMessage());
    }

    @Test
    void errorsNameTheFieldAndTheExpectedRange() {
        assertRejected(b -> b.resLayers(0), "resLayers", "[1, 16]");
        assertRejected(b -> b.covarianceWeight(-1), "covarianceWeight", ">= 0");
        assertRejected(b -> b.learningRate(0), "learningRate", "(0, 1]");
        assertRejected(b -> b.stageWidths(List.of(512, 600, 16)), "stageWidths[1]", "smaller than the previous");
        assertRejected(b -> b.stageWidths(List.of(512)), "stageWidths", "at least an input and one output");
        assertRejected(b -> b.validationFraction(0.9), "validationFraction", "[0, 0.5]");
        assertRejected(b -> b.earlyStopPatience(3), "earlyStopPatience", "validationFraction is 0");
        assertRejected(b -> b.miningCandidates(100), "miningCandidates", "[250, 1000000]");
        assertRejected(b -> b.stageLearningRateMultipliers(List.of(1.0, 0.0)), "stageLearningRateMultipliers",
                "one value per stage (5)");
        assertRejected(b -> b.learningRateSchedule(List.of(new LearningRateStep(10, 0.5), new LearningRateStep(5, 0.1))),
                "learningRateSchedule[1].atStep", "larger than the previous");
        assertRejected(b -> b.miningSchedule(List.of(new MiningStep(0, 300))), "miningSchedule[0].hardPairs",
                "[0, 250]");
        assertRejected(b -> b.genuineWeight(0).impostorWeight(0).covarianceWeight(0), "genuineWeight",
                "at least one data term");
        assertRejected(b -> b.identificationWeight(-1), "identificationWeight", ">= 0");
        assertRejected(b -> b.identificationWeight(1).identificationScale(-2), "identificationScale", "(0, 50]");
        assertRejected(b -> b.identificationScale(1000), "identificationScale", "(0, 50]");
        IllegalArgumentException preset = assertThrows(IllegalArgumentException.class, () -> new DeepMdsConfig("resnet",
                null, 3, 1, 1, 10, 0, 1, 1, 1, 1, 0.1, List.of(), false, 0, List.of(), List.of(), 0, 0, null, null, 0, 0, 1));
        assertTrue(preset.getMessage().contains("DeepMdsConfig.preset = 'resnet'"), preset.getMessage());
    }

    @Test
    void presetsResolveToThePaperChains() {
        DeepMdsConfig c = new DeepMdsConfig("deepprint", null, 3, 1, 1, 0, 4e-5, 250, 250, 1000, 200, 3e-4,
                List.of(), false, 0, List.of(), List.of(), 0, 0, null, null, 0, 0, 1);
        assertEquals(List.of(192, 128, 64, 32, 16, 8, 4), c.stageWidths());
        assertEquals(6, c.stageCount());
        assertEquals(List.of(1536, 1024, 512, 256, 128, 64, 32, 16), StageWidths.preset("ImageNet"));
        assertEquals("deepmds", c.method());
    }

    @Test
    void schedulesFollowThePaper() {
        DeepMdsConfig c = PAPER.build();
        assertEquals("deepmds++", c.method());
        assertEquals(3e-4, c.learningRateAt(0), 1e-12);
        assertEquals(3e-4 * 0.9, c.learningRateAt(25_000), 1e-12);
        assertEquals(3e-4 * 0.5, c.learningRateAt(74_999), 1e-12);
        assertEquals(3e-4 * 0.01, c.learningRateAt(199_999), 1e-12);
        assertEquals(50, c.hardPairsAt(49));
        assertEquals(100, c.hardPairsAt(50));
        assertEquals(250, c.hardPairsAt(199));
        DeepMdsConfig plain = c.asPlainDeepMds();
        assertEquals("deepmds", plain.method());
        assertEquals(0, plain.hardPairsAt(199));
        assertEquals(c.stageWidths(), plain.stageWidths());
    }

    @Test
    void scalingKeepsTheShapeOfTheSchedule() {
        DeepMdsConfig c = DeepMdsConfigBuilder.paper(List.of(64, 16)).scaledSchedule(20, 100, 25, 100).build();
        assertEquals(List.of(250L, 500L, 750L, 1000L, 1250L, 1500L),
                c.learningRateSchedule().stream().map(LearningRateStep::atStep).toList());
        assertEquals(List.of(new MiningStep(0, 5), new MiningStep(5, 10), new MiningStep(10, 15),
                new MiningStep(15, 25)), c.miningSchedule());
        assertEquals(25, c.genuinePairsPerBatch());
    }

    @Test
    void quickstartIsASmallValidDeepMdsPlusPlusConfig() {
        DeepMdsConfig q = DeepMdsConfigBuilder.quickstart(StageWidths.DEEPPRINT).build();
        assertEquals("deepmds++", q.method());
        assertEquals(100, q.epochs() * q.stepsPerEpoch());
        assertEquals(32, q.hardPairsAt(3));
        assertEquals(3e-3, q.learningRate(), 0);
    }

    @Test
    void residualWidthsShrinkEvenlyAndTheLastTakesTheRemainder() {
        assertEquals(List.of(512, 427, 342, 256), box(StageWidths.residualWidths(512, 256, 3)));
        assertEquals(List.of(32, 27, 22, 16), box(StageWidths.residualWidths(32, 16, 3)));
        assertEquals(List.of(8, 7, 6, 4), box(StageWidths.residualWidths(8, 4, 3)));
    }

    private static List<Integer> box(int[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
