package org.hersj.reduction.deepmds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Every loss term of the graph (the identification term too) against a plain-Java computation (forward pass included) on a tiny batch. */
class LossHandComputationTest {

    private static final List<Integer> WIDTHS = List.of(6, 4, 3);
    private static final int RES_LAYERS = 2;

    @Test
    void eachLossTermMatchesAHandComputation() {
        DeepMdsConfig config = DeepMdsConfigBuilder.paper(WIDTHS).resLayers(RES_LAYERS).genuineWeight(1.5)
                .impostorWeight(0.5).covarianceWeight(10).weightDecay(0.01).genuinePairsPerBatch(3)
                .impostorPairsPerBatch(2).hardMining(false).identificationWeight(0.7).identificationScale(5).build();
        float[][] rows = randomUnitRows(7, 6, 3);
        int[] labels = {0, 0, 0, 1, 1, 2, 2};
        LabelledData data = new LabelledData(rows, labels);
        int[][] genuine = {{0, 1}, {1, 2}, {3, 4}};
        int[][] impostor = {{0, 3}, {2, 6}};
        SplittableRandom random = new SplittableRandom(5);
        Map<String, INDArray> params = new java.util.LinkedHashMap<>();
        for (int s = 0; s < 2; s++) {
            params.putAll(StageParameters.initialise(StageParameters.shapes(s, WIDTHS.get(s), WIDTHS.get(s + 1),
                    RES_LAYERS), random));
        }
        // give biases non-zero values so they are exercised too
        params.forEach((n, v) -> {
            if (n.endsWith("_b")) {
                for (int i = 0; i < v.length(); i++) {
                    v.putScalar(i, 0.1 * (i + 1) - 0.15);
                }
            }
        });
        LossTerms graph = new TrainingGraph(config, 2, params).evaluate(PairBatch.of(data, genuine, impostor));

        HandForward hand = new HandForward(params, WIDTHS, RES_LAYERS);
        double[][] outA = new double[5][];
        double[][] outB = new double[5][];
        double genuineSum = 0;
        double impostorSum = 0;
        for (int p = 0; p < 5; p++) {
            int[] pair = p < 3 ? genuine[p] : impostor[p - 3];
            outA[p] = hand.apply(rows[pair[0]]);
            outB[p] = hand.apply(rows[pair[1]]);
            double err = Math.abs(dot(rows[pair[0]], rows[pair[1]]) - dot(outA[p], outB[p]));
            if (p < 3) {
                genuineSum += err;
            } else {
                impostorSum += err;
            }
        }
        double expectedIdentification = 0;
        for (int p = 0; p < 3; p++) {
            // softmax of p's genuine partner against every batch row of another identity
            double sum = 0;
            for (int q = 0; q < 5; q++) {
                int[] pairQ = q < 3 ? genuine[q] : impostor[q - 3];
                if (q == p || labels[pairQ[1]] != labels[genuine[p][0]]) {
                    sum += Math.exp(5 * dot(outA[p], outB[q]));
                }
            }
            expectedIdentification += (Math.log(sum) - 5 * dot(outA[p], outB[p])) / 3;
        }
        double expectedGenuine = genuineSum / 3;
        double expectedImpostor = impostorSum / 2;
        double expectedCov = offDiagonalCovariance(outA, outB);
        double expectedDecay = 0;
        for (Map.Entry<String, INDArray> e : params.entrySet()) {
            if (e.getKey().endsWith("_w")) {
                for (double w : e.getValue().dup().data().asDouble()) {
                    expectedDecay += w * w / 2;
                }
            }
        }
        assertEquals(expectedGenuine, graph.genuine(), 1e-5);
        assertEquals(expectedImpostor, graph.impostor(), 1e-5);
        assertEquals(expectedCov, graph.covariance(), 1e-5);
        assertEquals(expectedDecay, graph.weightDecay(), 1e-4);
        assertEquals(expectedIdentification, graph.identification(), 1e-5);
        assertEquals(1.5 * expectedGenuine + 0.5 * expectedImpostor + 10 * expectedCov + 0.01 * expectedDecay
                + 0.7 * expectedIdentification, graph.total(), 1e-4);
    }

    private static double offDiagonalCovariance(double[][] a, double[][] b) {
        int n = a.length + b.length;
        int d = a[0].length;
        double[][] y = new double[n][];
        for (int i = 0; i < a.length; i++) {
            y[i] = a[i];
            y[a.length + i] = b[i];
        }
        double[] mean = new double[d];
        for (double[] row : y) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        double sum = 0;
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                if (j != k) {
                    double c = 0;
                    for (double[] row : y) {
                        c += (row[j] - mean[j]) * (row[k] - mean[k]);
                    }
                    sum += Math.abs(c / (n - 1));
                }
            }
        }
        return sum / (d * (d - 1));
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * (double) b[i];
        }
        return s;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static float[][] randomUnitRows(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] rows = new float[n][d];
        for (float[] row : rows) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                row[j] = (float) (r.nextDouble() * 2 - 1);
                norm += row[j] * row[j];
            }
            for (int j = 0; j < d; j++) {
                row[j] /= (float) Math.sqrt(norm);
            }
        }
        return rows;
    }
}
