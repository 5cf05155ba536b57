package org.hersj.reduction.deepmds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.hersj.reduction.ClusteredSphereData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Hard mining keeps exactly the largest-error pairs and fills the rest at random without repeats. */
class HardMiningTest {

    @Test
    void keepsTheLargestErrorCandidatesThenDistinctRandomOnes() {
        SplittableRandom random = new SplittableRandom(3);
        double[] errors = new double[200];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = random.nextDouble();
        }
        int[] chosen = HardPairMiner.select(errors, 15, 40, new SplittableRandom(9));
        assertEquals(40, chosen.length);
        double[] sorted = errors.clone();
        Arrays.sort(sorted);
        double fifteenthLargest = sorted[sorted.length - 15];
        for (int k = 0; k < 15; k++) {
            assertTrue(errors[chosen[k]] >= fifteenthLargest, "hard pick " + k + " is not among the 15 largest");
        }
        Set<Integer> distinct = new HashSet<>();
        for (int c : chosen) {
            assertTrue(distinct.add(c), "candidate " + c + " chosen twice");
        }
        for (int k = 15; k < 40; k++) {
            assertTrue(errors[chosen[k]] < fifteenthLargest, "random fill repeats a hard pair");
        }
    }

    @Test
    void allHardWhenTheScheduleKeepsTheWholeBatch() {
        double[] errors = {0.1, 0.9, 0.3, 0.7, 0.5};
        int[] chosen = HardPairMiner.select(errors, 3, 3, new SplittableRandom(1));
        assertEquals(Set.of(1, 3, 4), Set.of(chosen[0], chosen[1], chosen[2]));
        assertThrows(IllegalArgumentException.class, () -> HardPairMiner.select(errors, 4, 3, new SplittableRandom(1)));
    }

    @Test
    void similarityErrorsAreMeasuredWithTheCurrentModel() {
        ClusteredSphereData d = ClusteredSphereData.generate(8, 4, 6, 3, 0.5, 2);
        LabelledData data = new LabelledData(d.rows, d.labels);
        DeepMdsConfig config = DeepMdsConfigBuilder.paper(List.of(8, 4)).genuinePairsPerBatch(4)
                .impostorPairsPerBatch(4).miningCandidates(10)
                .miningSchedule(List.of(new MiningStep(0, 2))).build();
        BatchSource source = new BatchSource(data, config, new SplittableRandom(4));
        int[][] pairs = {{0, 1}, {0, 5}, {2, 9}};
        // identity "model": every error is zero
        double[] none = source.similarityErrors(pairs, x -> x);
        assertEquals(0, Arrays.stream(none).max().orElseThrow(), 1e-6);
        // a model that maps everything to one point: error = |cos - 1|
        double[] collapsed = source.similarityErrors(pairs, x -> onesRows(x));
        for (int p = 0; p < pairs.length; p++) {
            assertEquals(Math.abs(data.cosine(pairs[p][0], pairs[p][1]) - 1), collapsed[p], 1e-5);
        }
    }

    private static INDArray onesRows(INDArray x) {
        INDArray y = x.ulike().assign(0);
        y.getColumn(0).assign(1);
        return y;
    }
}
