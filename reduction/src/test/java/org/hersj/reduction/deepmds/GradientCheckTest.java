package org.hersj.reduction.deepmds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hersj.reduction.ClusteredSphereData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The graph's gradients agree with central finite differences of its loss. */
class GradientCheckTest {

    private static final List<Integer> WIDTHS = List.of(12, 6, 4);

    @Test
    void gradientsMatchFiniteDifferences() {
        assertGradientsMatch(DeepMdsConfigBuilder.paper(WIDTHS).genuinePairsPerBatch(20).impostorPairsPerBatch(20)
                .hardMining(false).weightDecay(0.01).build());
    }

    @Test
    void gradientsOfTheIdentificationTermMatchFiniteDifferences() {
        // the similarity terms off, so the check sees the identification term's own gradient
        assertGradientsMatch(DeepMdsConfigBuilder.paper(WIDTHS).genuinePairsPerBatch(20).impostorPairsPerBatch(20)
                .hardMining(false).genuineWeight(0).impostorWeight(0).covarianceWeight(0).weightDecay(0.01)
                .identificationWeight(2).identificationScale(8).build());
    }

    private static void assertGradientsMatch(DeepMdsConfig config) {
        List<Integer> widths = WIDTHS;
        ClusteredSphereData d = ClusteredSphereData.generate(12, 6, 10, 5, 0.5, 3);
        LabelledData data = new LabelledData(d.rows, d.labels);
        PairSampler sampler = new PairSampler(data, new SplittableRandom(1));
        PairBatch batch = PairBatch.of(data, sampler.genuine(20), sampler.impostor(20));
        Map<String, INDArray> params = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(2);
        for (int s = 0; s < 2; s++) {
            params.putAll(StageParameters.initialise(StageParameters.shapes(s, widths.get(s), widths.get(s + 1), 3),
                    random));
        }
        TrainingGraph graph = new TrainingGraph(config, 2, params);
        Map<String, INDArray> gradients = graph.gradients(batch);
        double h = 1e-3;
        for (String name : List.of("s0_fc0_w", "s0_fc1_0_w", "s0_fc2_2_b", "s1_fc1_1_w", "s1_fc2_2_w")) {
            for (int index : new int[] {0, 1, 3}) {
                double fd = (lossWith(graph, batch, name, index, h) - lossWith(graph, batch, name, index, -h)) / (2 * h);
                double g = gradients.get(name).getDouble(index);
                assertEquals(fd, g, 2e-3 + 0.02 * Math.abs(fd), name + "[" + index + "]");
            }
        }
    }

    private static double lossWith(TrainingGraph graph, PairBatch batch, String name, int index, double delta) {
        Map<String, INDArray> values = graph.parameterValues();
        double original = values.get(name).getDouble(index);
        values.get(name).putScalar(index, original + delta);
        graph.setParameterValues(values);
        double loss = graph.evaluate(batch).total();
        values.get(name).putScalar(index, original);
        graph.setParameterValues(values);
        return loss;
    }
}
